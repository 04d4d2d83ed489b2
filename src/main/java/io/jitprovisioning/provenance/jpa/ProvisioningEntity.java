package io.jitprovisioning.provenance.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** The identity-provider identity an account was created for by the JIT step. */
@Entity
@Table(name = "JIT_PROVISIONING")
@NamedQueries({
        @NamedQuery(name = "jitDeleteProvisioningOfUser", query = "delete from ProvisioningEntity p where p.userId = :userId"),
        @NamedQuery(name = "jitDeleteProvisioningOfRealm", query = "delete from ProvisioningEntity p where p.realmId = :realmId"),
        @NamedQuery(name = "jitDeleteProvisioningOfIdp",
                query = "delete from ProvisioningEntity p where p.realmId = :realmId and p.idpAlias = :idpAlias"),
        @NamedQuery(name = "jitRenameProvisioningIdp",
                query = "update ProvisioningEntity p set p.idpAlias = :newAlias where p.realmId = :realmId and p.idpAlias = :oldAlias")
})
public class ProvisioningEntity {

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "IDP_ALIAS", nullable = false)
    private String idpAlias;

    @Column(name = "BROKER_USER_ID", nullable = false)
    private String brokerUserId;

    protected ProvisioningEntity() {
    }

    ProvisioningEntity(String realmId, String userId, String idpAlias, String brokerUserId) {
        this.realmId = realmId;
        this.userId = userId;
        this.idpAlias = idpAlias;
        this.brokerUserId = brokerUserId;
    }

    String getIdpAlias() {
        return idpAlias;
    }

    String getBrokerUserId() {
        return brokerUserId;
    }
}
