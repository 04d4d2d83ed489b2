package io.jitprovisioning.delegation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A setup link: its secret only as a hash. Revoked and expired links are kept, so that their use is answered as such. */
@Entity
@Table(name = "JIT_SETUP_LINK")
@NamedQueries({
        @NamedQuery(name = "jitSetupLinkByHash",
                query = "select l from SetupLinkEntity l where l.realmId = :realmId and l.secretHash = :secretHash"),
        @NamedQuery(name = "jitSetupLinksOfOrg",
                query = "select l from SetupLinkEntity l where l.organizationId = :organizationId order by l.createdAt desc"),
        @NamedQuery(name = "jitDeleteSetupLinksOfRealm", query = "delete from SetupLinkEntity l where l.realmId = :realmId")
})
public class SetupLinkEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ORG_ID", length = 36, nullable = false)
    private String organizationId;

    @Column(name = "SECRET_HASH", length = 64, nullable = false, unique = true)
    private String secretHash;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;

    @Column(name = "CREATED_BY", nullable = false)
    private String createdBy;

    @Column(name = "REVOKED_AT")
    private Long revokedAt;

    protected SetupLinkEntity() {
    }

    SetupLinkEntity(String id, String realmId, String organizationId, String secretHash, long createdAt, long expiresAt,
                    String createdBy) {
        this.id = id;
        this.realmId = realmId;
        this.organizationId = organizationId;
        this.secretHash = secretHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
    }

    void revoke(long at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    String getRealmId() {
        return realmId;
    }

    SetupLink toLink() {
        return new SetupLink(id, organizationId, createdAt, expiresAt, createdBy, revokedAt);
    }
}
