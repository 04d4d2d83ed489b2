package io.jitprovisioning.roles;

import java.util.Optional;

import org.keycloak.models.RoleModel;

import io.jitprovisioning.config.RoleCatalog;

/** A realm's roles for checking the settings an administrator sends: named roles must exist and be grantable. */
public final class RealmRoleCatalog implements RoleCatalog {

    private final RealmRoleDirectory roles;

    public RealmRoleCatalog(RealmRoleDirectory roles) {
        this.roles = roles;
    }

    @Override
    public Status status(String roleName) {
        Optional<RoleModel> role = roles.findModel(roleName);
        if (role.isEmpty()) {
            return Status.UNKNOWN;
        }
        return ProtectedRoles.isProtected(role.get()) ? Status.PROTECTED : Status.GRANTABLE;
    }
}
