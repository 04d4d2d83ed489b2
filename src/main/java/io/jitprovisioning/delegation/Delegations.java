package io.jitprovisioning.delegation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;

/**
 * What the realm administrator delegated to organizations, in the extension's tables, written in the Keycloak
 * session's transaction: limits, designated SSO administrators and setup links. Not in organization attributes,
 * which whoever may manage the organization can edit: an organization could raise its own limits.
 */
public final class Delegations {

    private final EntityManager em;
    private final String realmId;

    private Delegations(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    public static Delegations of(KeycloakSession session, String realmId) {
        return new Delegations(session.getProvider(JpaConnectionProvider.class).getEntityManager(), realmId);
    }

    /** The organization's own limits, if the realm administrator set them. */
    public Optional<OrganizationLimits> ownLimits(String organizationId) {
        return limitsOf(organizationId);
    }

    /** The realm's defaults for organizations without their own limits, if set. */
    public Optional<OrganizationLimits> defaults() {
        return limitsOf(realmId);
    }

    /** The limits that hold for the organization: its own, else the realm's defaults, else {@link OrganizationLimits#nothingSet()}. */
    public OrganizationLimits limits(String organizationId) {
        return ownLimits(organizationId).or(this::defaults).orElseGet(OrganizationLimits::nothingSet);
    }

    public void setOwnLimits(String organizationId, OrganizationLimits limits) {
        setLimits(organizationId, limits);
    }

    public void setDefaults(OrganizationLimits limits) {
        setLimits(realmId, limits);
    }

    public List<String> administrators(String organizationId) {
        return em.createNamedQuery("jitSsoAdminsOfOrg", SsoAdministratorEntity.class).setParameter("organizationId", organizationId)
                .getResultStream().map(SsoAdministratorEntity::getUserId).toList();
    }

    public boolean isAdministrator(String organizationId, String userId) {
        return em.find(SsoAdministratorEntity.class, SsoAdministratorEntity.idOf(organizationId, userId)) != null;
    }

    /** @return false if the user was designated already */
    public boolean designate(String organizationId, String userId) {
        if (isAdministrator(organizationId, userId)) {
            return false;
        }
        em.persist(new SsoAdministratorEntity(realmId, organizationId, userId));
        return true;
    }

    /** @return false if the user was not designated */
    public boolean undesignate(String organizationId, String userId) {
        SsoAdministratorEntity row = em.find(SsoAdministratorEntity.class, SsoAdministratorEntity.idOf(organizationId, userId));
        if (row == null) {
            return false;
        }
        em.remove(row);
        return true;
    }

    public SetupLink createLink(String organizationId, String secretHash, long createdAt, long expiresAt, String createdBy) {
        SetupLinkEntity row = new SetupLinkEntity(UUID.randomUUID().toString(), realmId, organizationId, secretHash, createdAt,
                expiresAt, createdBy);
        em.persist(row);
        return row.toLink();
    }

    public List<SetupLink> links(String organizationId) {
        return em.createNamedQuery("jitSetupLinksOfOrg", SetupLinkEntity.class).setParameter("organizationId", organizationId)
                .getResultStream().map(SetupLinkEntity::toLink).toList();
    }

    /** The link with this secret's hash in this realm, whatever its status. */
    public Optional<SetupLink> linkByHash(String secretHash) {
        return em.createNamedQuery("jitSetupLinkByHash", SetupLinkEntity.class).setParameter("realmId", realmId)
                .setParameter("secretHash", secretHash).getResultStream().findFirst().map(SetupLinkEntity::toLink);
    }

    /** @return false if the organization has no link with this id */
    public boolean revoke(String organizationId, String linkId, long at) {
        SetupLinkEntity row = em.find(SetupLinkEntity.class, linkId);
        if (row == null || !row.getRealmId().equals(realmId) || !row.toLink().organizationId().equals(organizationId)) {
            return false;
        }
        row.revoke(at);
        return true;
    }

    private Optional<OrganizationLimits> limitsOf(String scopeId) {
        return Optional.ofNullable(em.find(LimitsEntity.class, scopeId)).map(row -> new OrganizationLimits(
                split(row.getOfferedRoles()), split(row.getOfferedGroups()), row.getMaxIdentityProviders()));
    }

    private void setLimits(String scopeId, OrganizationLimits limits) {
        LimitsEntity row = em.find(LimitsEntity.class, scopeId);
        boolean created = row == null;
        if (created) {
            row = new LimitsEntity(scopeId, realmId);
        }
        row.set(String.join(Constants.CFG_DELIMITER, limits.offeredRoles()), String.join(Constants.CFG_DELIMITER, limits.offeredGroups()),
                limits.maxIdentityProviders());
        if (created) {
            em.persist(row);
        }
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(Constants.CFG_DELIMITER));
    }
}
