package io.jitprovisioning.provenance.jpa;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleContainerModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.OwnWrites;

/**
 * Keeps the provenance true as Keycloak changes what it refers to. A role granted or removed, or a group joined or
 * left, by anyone but the extension (an administrator in the console or through REST, another mapper, an import) is
 * forgotten for every identity provider: the administrator's hand wins, and a sync never undoes it. (A group left
 * by hand needs no event, which Keycloak 26.4 sends without its user: the next sign-in joins it again only if the IdP
 * still sends it, and otherwise drops it from the provenance.) Deleted
 * accounts, realms, identity providers, roles and groups take their rows with them; a renamed identity provider keeps
 * them ({@link IdentityProviderRenames}).
 */
final class ProvenanceUpkeep implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RoleModel.RoleGrantedEvent granted) {
            handChanged(granted.getKeycloakSession(), granted.getUser(), granted.getRole());
        } else if (event instanceof RoleModel.RoleRevokedEvent revoked) {
            handChanged(revoked.getKeycloakSession(), revoked.getUser(), revoked.getRole());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            store(removed.getKeycloakSession()).forgetUser(removed.getUser().getId());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            store(removed.getKeycloakSession()).forgetRealm(removed.getRealm().getId());
        } else if (event instanceof RealmModel.IdentityProviderRemovedEvent removed) {
            store(removed.getKeycloakSession()).forgetIdentityProvider(removed.getRealm().getId(),
                    removed.getRemovedIdentityProvider().getAlias());
        } else if (event instanceof RealmModel.IdentityProviderUpdatedEvent updated) {
            new IdentityProviderRenames(updated.getKeycloakSession(), updated.getRealm())
                    .follow(updated.getUpdatedIdentityProvider().getAlias());
        } else if (event instanceof RoleContainerModel.RoleRemovedEvent removed) {
            store(removed.getKeycloakSession()).forgetTarget(GrantKind.ROLE, removed.getRole().getId());
        } else if (event instanceof GroupModel.GroupMemberJoinEvent joined) {
            handChanged(joined.getKeycloakSession(), joined.getUser(), GrantKind.GROUP, joined.getGroup().getId());
        } else if (event instanceof GroupModel.GroupRemovedEvent removed) {
            store(removed.getKeycloakSession()).forgetTarget(GrantKind.GROUP, removed.getGroup().getId());
        }
    }

    private static void handChanged(KeycloakSession session, UserModel user, RoleModel role) {
        if (role != null) {
            handChanged(session, user, GrantKind.ROLE, role.getId());
        }
    }

    private static void handChanged(KeycloakSession session, UserModel user, GrantKind kind, String targetId) {
        if (session == null || user == null || OwnWrites.isRunning(session)) {
            return;
        }
        store(session).forget(user.getId(), kind, targetId);
    }

    private static JpaProvenanceStore store(KeycloakSession session) {
        return JpaProvenanceStore.jpa(session);
    }
}
