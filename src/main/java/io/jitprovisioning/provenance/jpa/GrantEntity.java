package io.jitprovisioning.provenance.jpa;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One role or group that an identity provider granted to an account through the extension. */
@Entity
@Table(name = "JIT_GRANT")
@IdClass(GrantEntity.Key.class)
@NamedQueries({
        @NamedQuery(name = "jitGrantsOfUser", query = "select g from GrantEntity g where g.userId = :userId"),
        @NamedQuery(name = "jitGrantsOfUserIdpKind",
                query = "select g from GrantEntity g where g.userId = :userId and g.idpAlias = :idpAlias and g.kind = :kind"),
        @NamedQuery(name = "jitDeleteGrantOfUser",
                query = "delete from GrantEntity g where g.userId = :userId and g.kind = :kind and g.targetId = :targetId"),
        @NamedQuery(name = "jitDeleteGrantsOfUser", query = "delete from GrantEntity g where g.userId = :userId"),
        @NamedQuery(name = "jitDeleteGrantsOfRealm", query = "delete from GrantEntity g where g.realmId = :realmId"),
        @NamedQuery(name = "jitDeleteGrantsOfIdp",
                query = "delete from GrantEntity g where g.realmId = :realmId and g.idpAlias = :idpAlias"),
        @NamedQuery(name = "jitDeleteGrantsOfTarget",
                query = "delete from GrantEntity g where g.kind = :kind and g.targetId = :targetId"),
        @NamedQuery(name = "jitGrantAliasesOfRealm", query = "select distinct g.idpAlias from GrantEntity g where g.realmId = :realmId"),
        @NamedQuery(name = "jitRenameGrantsIdp",
                query = "update GrantEntity g set g.idpAlias = :newAlias where g.realmId = :realmId and g.idpAlias = :oldAlias")
})
public class GrantEntity {

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Id
    @Column(name = "IDP_ALIAS")
    private String idpAlias;

    @Id
    @Column(name = "KIND", length = 16)
    private String kind;

    @Id
    @Column(name = "TARGET_ID", length = 36)
    private String targetId;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    protected GrantEntity() {
    }

    GrantEntity(String realmId, String userId, String idpAlias, String kind, String targetId) {
        this.realmId = realmId;
        this.userId = userId;
        this.idpAlias = idpAlias;
        this.kind = kind;
        this.targetId = targetId;
    }

    String getUserId() {
        return userId;
    }

    String getIdpAlias() {
        return idpAlias;
    }

    String getKind() {
        return kind;
    }

    String getTargetId() {
        return targetId;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        private String userId;
        private String idpAlias;
        private String kind;
        private String targetId;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && userId.equals(key.userId) && idpAlias.equals(key.idpAlias)
                    && kind.equals(key.kind) && targetId.equals(key.targetId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(userId, idpAlias, kind, targetId);
        }
    }
}
