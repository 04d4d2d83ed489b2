package io.jitprovisioning.compat;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * Keycloak's own representation of an identity provider, as its admin events carry it. Keycloak 26.4 offers
 * {@code ModelToRepresentation.toRepresentation(realm, idp)}; 26.5 and later replaced it with
 * {@code toRepresentation(session, realm, idp)} (which adds the provider's types). No release has both, so the
 * one present is found when the class loads. Writing the representation by hand is no way out: its setters take
 * {@code boolean} in 26.4 and {@code Boolean} from 26.5 on.
 */
public final class IdentityProviderRepresentations {

    private static final MethodHandle WITH_SESSION = find(KeycloakSession.class, RealmModel.class, IdentityProviderModel.class)
            .orElse(null);
    private static final MethodHandle WITHOUT_SESSION = find(RealmModel.class, IdentityProviderModel.class).orElse(null);

    private IdentityProviderRepresentations() {
    }

    public static IdentityProviderRepresentation of(KeycloakSession session, RealmModel realm, IdentityProviderModel idp) {
        try {
            if (WITH_SESSION != null) {
                return (IdentityProviderRepresentation) WITH_SESSION.invoke(session, realm, idp);
            }
            if (WITHOUT_SESSION != null) {
                return (IdentityProviderRepresentation) WITHOUT_SESSION.invoke(realm, idp);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("This Keycloak has no ModelToRepresentation.toRepresentation for identity providers");
    }

    /** Which of Keycloak's two signatures this server has: shown in the server info, checked by the tests. */
    public static String signature() {
        if (WITH_SESSION != null) {
            return "toRepresentation(session, realm, idp)";
        }
        return WITHOUT_SESSION != null ? "toRepresentation(realm, idp)" : "none";
    }

    private static Optional<MethodHandle> find(Class<?>... parameters) {
        try {
            return Optional.of(MethodHandles.publicLookup().findStatic(ModelToRepresentation.class, "toRepresentation",
                    MethodType.methodType(IdentityProviderRepresentation.class, parameters)));
        } catch (NoSuchMethodException | IllegalAccessException absent) {
            return Optional.empty();
        }
    }
}
