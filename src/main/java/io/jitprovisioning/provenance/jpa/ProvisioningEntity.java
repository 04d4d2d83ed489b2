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

    /** Whether that identity was linked when Keycloak finished its first sign-in; rows from before 0.3 were. */
    @Column(name = "LINKED", nullable = false)
    private boolean linked;

    protected ProvisioningEntity() {
    }

    ProvisioningEntity(String realmId, String userId, String idpAlias, String brokerUserId, boolean linked) {
        this.realmId = realmId;
        this.userId = userId;
        this.idpAlias = idpAlias;
        this.brokerUserId = brokerUserId;
        this.linked = linked;
    }

    boolean isLinked() {
        return linked;
    }

    void setLinked(boolean linked) {
        this.linked = linked;
    }

    String getIdpAlias() {
        return idpAlias;
    }

    String getBrokerUserId() {
        return brokerUserId;
    }
}
