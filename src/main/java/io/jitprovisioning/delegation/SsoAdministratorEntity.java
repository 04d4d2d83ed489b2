package io.jitprovisioning.delegation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A member of an organization whom a realm administrator designated as its SSO administrator. */
@Entity
@Table(name = "JIT_SSO_ADMIN")
@NamedQueries({
        @NamedQuery(name = "jitSsoAdminsOfOrg",
                query = "select a from SsoAdministratorEntity a where a.organizationId = :organizationId order by a.userId"),
        @NamedQuery(name = "jitDeleteSsoAdminsOfUser", query = "delete from SsoAdministratorEntity a where a.userId = :userId"),
        @NamedQuery(name = "jitDeleteSsoAdminsOfRealm", query = "delete from SsoAdministratorEntity a where a.realmId = :realmId")
})
public class SsoAdministratorEntity {

    /** The organization's id and the user's, one designation per pair. */
    @Id
    @Column(name = "ID", length = 73)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ORG_ID", length = 36, nullable = false)
    private String organizationId;

    @Column(name = "USER_ID", length = 36, nullable = false)
    private String userId;

    protected SsoAdministratorEntity() {
    }

    SsoAdministratorEntity(String realmId, String organizationId, String userId) {
        this.id = idOf(organizationId, userId);
        this.realmId = realmId;
        this.organizationId = organizationId;
        this.userId = userId;
    }

    static String idOf(String organizationId, String userId) {
        return organizationId + ":" + userId;
    }

    String getUserId() {
        return userId;
    }
}
