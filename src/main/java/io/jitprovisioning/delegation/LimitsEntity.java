package io.jitprovisioning.delegation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An organization's limits (scope: its id), or a realm's defaults for its organizations (scope: the realm's id). */
@Entity
@Table(name = "JIT_ORG_LIMITS")
@NamedQueries({
        @NamedQuery(name = "jitDeleteLimitsOfRealm", query = "delete from LimitsEntity l where l.realmId = :realmId")
})
public class LimitsEntity {

    @Id
    @Column(name = "SCOPE_ID", length = 36)
    private String scopeId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "OFFERED_ROLES", nullable = false, length = 4000)
    private String offeredRoles;

    @Column(name = "OFFERED_GROUPS", nullable = false, length = 4000)
    private String offeredGroups;

    @Column(name = "MAX_IDPS", nullable = false)
    private int maxIdentityProviders;

    protected LimitsEntity() {
    }

    LimitsEntity(String scopeId, String realmId) {
        this.scopeId = scopeId;
        this.realmId = realmId;
    }

    void set(String offeredRoles, String offeredGroups, int maxIdentityProviders) {
        this.offeredRoles = offeredRoles;
        this.offeredGroups = offeredGroups;
        this.maxIdentityProviders = maxIdentityProviders;
    }

    String getOfferedRoles() {
        return offeredRoles;
    }

    String getOfferedGroups() {
        return offeredGroups;
    }

    int getMaxIdentityProviders() {
        return maxIdentityProviders;
    }
}
