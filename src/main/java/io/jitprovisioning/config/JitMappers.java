package io.jitprovisioning.config;

import java.util.Optional;

import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;

import io.jitprovisioning.ProviderIds;

/** Finds the JIT mapper of an identity provider: the extension's settings live there. */
public final class JitMappers {

    private JitMappers() {
    }

    public static Optional<IdentityProviderMapperModel> find(KeycloakSession session, String idpAlias) {
        return session.identityProviders().getMappersByAliasStream(idpAlias)
                .filter(mapper -> ProviderIds.MAPPER.equals(mapper.getIdentityProviderMapper()))
                .findFirst();
    }

    /** The settings of the IdP's JIT mapper, or {@link JitSettings#absent()} when it has none. */
    public static JitSettings settingsOf(KeycloakSession session, String idpAlias) {
        return find(session, idpAlias).map(JitSettings::from).orElse(JitSettings.absent());
    }
}
