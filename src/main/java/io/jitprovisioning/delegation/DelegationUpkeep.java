package io.jitprovisioning.delegation;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Keeps the delegation tables true as Keycloak changes what they refer to, in the transaction of the change: a realm
 * removed takes its rows; a user removed, or leaving the organization, is no SSO administrator any more (so that
 * joining again later gives back no right by surprise).
 */
final class DelegationUpkeep {

    void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmRemovedEvent removed) {
            String realmId = removed.getRealm().getId();
            EntityManager em = em(removed.getKeycloakSession());
            for (String query : new String[] {"jitDeleteLimitsOfRealm", "jitDeleteSsoAdminsOfRealm", "jitDeleteSetupLinksOfRealm"}) {
                em.createNamedQuery(query).setParameter("realmId", realmId).executeUpdate();
            }
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            em(removed.getKeycloakSession()).createNamedQuery("jitDeleteSsoAdminsOfUser")
                    .setParameter("userId", removed.getUser().getId()).executeUpdate();
        } else if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent left) {
            EntityManager em = em(left.getSession());
            SsoAdministratorEntity row = em.find(SsoAdministratorEntity.class,
                    SsoAdministratorEntity.idOf(left.getOrganization().getId(), left.getUser().getId()));
            if (row != null) {
                em.remove(row);
            }
        }
    }

    private static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
