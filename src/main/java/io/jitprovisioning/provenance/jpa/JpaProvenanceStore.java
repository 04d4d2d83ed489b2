package io.jitprovisioning.provenance.jpa;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;

import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.Grants;
import io.jitprovisioning.provenance.PendingLink;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.provenance.Provisioning;

/** The provenance in the extension's tables, written in the Keycloak session's transaction. */
public final class JpaProvenanceStore implements ProvenanceStore {

    private final EntityManager em;

    private JpaProvenanceStore(EntityManager em) {
        this.em = em;
    }

    public static ProvenanceStore of(KeycloakSession session) {
        return jpa(session);
    }

    static JpaProvenanceStore jpa(KeycloakSession session) {
        return new JpaProvenanceStore(session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public Grants grantsOf(String userId) {
        Grants.Builder grants = Grants.builder();
        em.createNamedQuery("jitGrantsOfUser", GrantEntity.class).setParameter("userId", userId).getResultStream()
                .forEach(row -> grants.add(row.getIdpAlias(), GrantKind.valueOf(row.getKind()), row.getTargetId()));
        return grants.build();
    }

    @Override
    public void replace(String realmId, String userId, String idpAlias, GrantKind kind, Set<String> targetIds) {
        List<GrantEntity> current = em.createNamedQuery("jitGrantsOfUserIdpKind", GrantEntity.class)
                .setParameter("userId", userId).setParameter("idpAlias", idpAlias).setParameter("kind", kind.name())
                .getResultList();
        Set<String> kept = new HashSet<>();
        for (GrantEntity row : current) {
            if (targetIds.contains(row.getTargetId())) {
                kept.add(row.getTargetId());
            } else {
                em.remove(row);
            }
        }
        for (String targetId : targetIds) {
            if (!kept.contains(targetId)) {
                em.persist(new GrantEntity(realmId, userId, idpAlias, kind.name(), targetId));
            }
        }
        em.flush();
    }

    @Override
    public void forget(String userId, GrantKind kind, String targetId) {
        em.createNamedQuery("jitDeleteGrantOfUser").setParameter("userId", userId).setParameter("kind", kind.name())
                .setParameter("targetId", targetId).executeUpdate();
    }

    @Override
    public Optional<Provisioning> provisioningOf(String userId) {
        return Optional.ofNullable(em.find(ProvisioningEntity.class, userId))
                .map(row -> new Provisioning(row.getIdpAlias(), row.getBrokerUserId(), row.isLinked()));
    }

    @Override
    public void markLinked(String userId) {
        ProvisioningEntity row = em.find(ProvisioningEntity.class, userId);
        if (row != null && !row.isLinked()) {
            row.setLinked(true);
        }
    }

    @Override
    public void recordProvisioning(String realmId, String userId, Provisioning provisioning) {
        em.persist(new ProvisioningEntity(realmId, userId, provisioning.idpAlias(), provisioning.brokerUserId(), provisioning.linked()));
    }

    @Override
    public Optional<PendingLink> pendingLinkOf(String userId) {
        return Optional.ofNullable(em.find(PendingLinkEntity.class, userId))
                .map(row -> new PendingLink(row.getIdpAlias(), row.getBrokerUserId(), row.getCreatedAt()));
    }

    @Override
    public boolean reserveLink(String realmId, String userId, PendingLink link) {
        clearPendingLink(userId);
        // The bulk delete bypasses the persistence context, which still holds the reservation this sign-in read (one
        // that has expired) and would take the new one for a duplicate of it.
        PendingLinkEntity read = em.find(PendingLinkEntity.class, userId);
        if (read != null) {
            em.detach(read);
        }
        try {
            em.persist(new PendingLinkEntity(realmId, userId, link.idpAlias(), link.brokerUserId(), link.createdAtMillis()));
            em.flush();
            return true;
        } catch (ModelDuplicateException | PersistenceException concurrentlyReserved) {
            // Keycloak's entity manager reports a duplicate key as ModelDuplicateException.
            return false;
        }
    }

    @Override
    public void clearPendingLink(String userId) {
        em.createNamedQuery("jitDeletePendingLinkOfUser").setParameter("userId", userId).executeUpdate();
    }

    /** Everything kept for an account that no longer exists. */
    void forgetUser(String userId) {
        em.createNamedQuery("jitDeleteGrantsOfUser").setParameter("userId", userId).executeUpdate();
        em.createNamedQuery("jitDeleteProvisioningOfUser").setParameter("userId", userId).executeUpdate();
        clearPendingLink(userId);
    }

    void forgetRealm(String realmId) {
        em.createNamedQuery("jitDeleteGrantsOfRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("jitDeleteProvisioningOfRealm").setParameter("realmId", realmId).executeUpdate();
        em.createNamedQuery("jitDeletePendingLinksOfRealm").setParameter("realmId", realmId).executeUpdate();
    }

    /** Everything an identity provider granted, the accounts' records of being created for it, and its pending links. */
    void forgetIdentityProvider(String realmId, String idpAlias) {
        for (String query : List.of("jitDeleteGrantsOfIdp", "jitDeleteProvisioningOfIdp", "jitDeletePendingLinksOfIdp")) {
            em.createNamedQuery(query).setParameter("realmId", realmId).setParameter("idpAlias", idpAlias).executeUpdate();
        }
    }

    /** The identity provider aliases the realm's grants name. */
    Set<String> grantingAliasesOf(String realmId) {
        return new HashSet<>(em.createNamedQuery("jitGrantAliasesOfRealm", String.class).setParameter("realmId", realmId).getResultList());
    }

    /** Moves an identity provider's rows to its new alias. */
    void renameIdentityProvider(String realmId, String oldAlias, String newAlias) {
        for (String query : List.of("jitRenameGrantsIdp", "jitRenameProvisioningIdp", "jitRenamePendingLinksIdp")) {
            em.createNamedQuery(query).setParameter("realmId", realmId).setParameter("oldAlias", oldAlias)
                    .setParameter("newAlias", newAlias).executeUpdate();
        }
    }

    /** A role or group that no longer exists (ids are unique across realms). */
    void forgetTarget(GrantKind kind, String targetId) {
        em.createNamedQuery("jitDeleteGrantsOfTarget").setParameter("kind", kind.name()).setParameter("targetId", targetId)
                .executeUpdate();
    }
}
