package io.jitprovisioning.provenance.jpa;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.Grants;

/**
 * Version 0.1 kept the roles it granted in the user attribute {@code jit.managed.roles} (one set for all identity
 * providers) and the identity an account was made for in {@code jit.provisioned.by}. Both were user attributes, so
 * a realm setting could expose them to the user. After each start this moves what is left of them into the
 * extension's tables: the roles become grants of every identity provider with a JIT mapper the account is linked
 * to (a role then stays while any of them still wants it), and both attributes are removed. Cheap when there is
 * nothing to move: one indexed query.
 */
final class AttributeMigration {

    static final String MANAGED_ROLES = "jit.managed.roles";
    static final String PROVISIONED_BY = "jit.provisioned.by";

    private static final Logger LOG = Logger.getLogger(AttributeMigration.class);

    private AttributeMigration() {
    }

    static void run(KeycloakSessionFactory factory) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, AttributeMigration::migrate);
        } catch (RuntimeException e) {
            // Another node of a cluster migrating the same accounts at the same start: the next start finishes it.
            LOG.warnf("JIT provisioning: could not move provenance out of user attributes (%s); the next start tries again",
                    e.toString());
        }
    }

    private static void migrate(KeycloakSession session) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select distinct a.USER_ID, u.REALM_ID from USER_ATTRIBUTE a "
                        + "join USER_ENTITY u on u.ID = a.USER_ID where a.NAME in (:managed, :provisioned)")
                .setParameter("managed", MANAGED_ROLES).setParameter("provisioned", PROVISIONED_BY)
                .getResultList();
        if (rows.isEmpty()) {
            return;
        }
        JpaProvenanceStore store = JpaProvenanceStore.jpa(session);
        for (Object[] row : rows) {
            RealmModel realm = session.realms().getRealm((String) row[1]);
            if (realm == null) {
                continue;
            }
            session.getContext().setRealm(realm);
            UserModel user = session.users().getUserById(realm, (String) row[0]);
            if (user != null) {
                migrate(session, store, realm, user);
            }
        }
        LOG.infof("JIT provisioning: moved the provenance of %d accounts out of user attributes", rows.size());
    }

    private static void migrate(KeycloakSession session, JpaProvenanceStore store, RealmModel realm, UserModel user) {
        Set<String> roleIds = user.getAttributeStream(MANAGED_ROLES).collect(Collectors.toSet());
        if (!roleIds.isEmpty()) {
            Grants existing = store.grantsOf(user.getId());
            session.users().getFederatedIdentitiesStream(realm, user)
                    .map(FederatedIdentityModel::getIdentityProvider)
                    .filter(alias -> hasJitMapper(session, alias))
                    .forEach(alias -> {
                        Set<String> merged = new java.util.LinkedHashSet<>(existing.of(alias, GrantKind.ROLE));
                        merged.addAll(roleIds);
                        store.replace(realm.getId(), user.getId(), alias, GrantKind.ROLE, merged);
                    });
        }
        user.removeAttribute(MANAGED_ROLES);
        user.removeAttribute(PROVISIONED_BY);
    }

    private static boolean hasJitMapper(KeycloakSession session, String alias) {
        return session.identityProviders().getMappersByAliasStream(alias)
                .anyMatch(mapper -> ProviderIds.MAPPER.equals(mapper.getIdentityProviderMapper()));
    }
}
