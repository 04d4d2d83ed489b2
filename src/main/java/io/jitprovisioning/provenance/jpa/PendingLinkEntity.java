package io.jitprovisioning.provenance.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** An existing account handed to an identity whose first sign-in Keycloak has not finished. One per account. */
@Entity
@Table(name = "JIT_PENDING_LINK")
@NamedQueries({
        @NamedQuery(name = "jitDeletePendingLinkOfUser", query = "delete from PendingLinkEntity p where p.userId = :userId"),
        @NamedQuery(name = "jitDeletePendingLinksOfRealm", query = "delete from PendingLinkEntity p where p.realmId = :realmId"),
        @NamedQuery(name = "jitDeletePendingLinksOfIdp",
                query = "delete from PendingLinkEntity p where p.realmId = :realmId and p.idpAlias = :idpAlias"),
        @NamedQuery(name = "jitRenamePendingLinksIdp",
                query = "update PendingLinkEntity p set p.idpAlias = :newAlias where p.realmId = :realmId and p.idpAlias = :oldAlias")
})
public class PendingLinkEntity {

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "IDP_ALIAS", nullable = false)
    private String idpAlias;

    @Column(name = "BROKER_USER_ID", nullable = false)
    private String brokerUserId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    protected PendingLinkEntity() {
    }

    PendingLinkEntity(String realmId, String userId, String idpAlias, String brokerUserId, long createdAt) {
        this.realmId = realmId;
        this.userId = userId;
        this.idpAlias = idpAlias;
        this.brokerUserId = brokerUserId;
        this.createdAt = createdAt;
    }

    String getIdpAlias() {
        return idpAlias;
    }

    String getBrokerUserId() {
        return brokerUserId;
    }

    long getCreatedAt() {
        return createdAt;
    }
}
