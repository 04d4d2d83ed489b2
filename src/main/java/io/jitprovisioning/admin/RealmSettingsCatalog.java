package io.jitprovisioning.admin;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

import io.jitprovisioning.config.RealmCatalog;
import io.jitprovisioning.groups.RealmGroupDirectory;
import io.jitprovisioning.roles.ProtectedRoles;
import io.jitprovisioning.roles.RealmRoleDirectory;

/** A realm's roles and groups for checking the settings an administrator sends: named ones must exist and be grantable. */
final class RealmSettingsCatalog implements RealmCatalog {

    private final RealmRoleDirectory roles;
    private final RealmGroupDirectory groups;

    RealmSettingsCatalog(KeycloakSession session, RealmModel realm) {
        this.roles = new RealmRoleDirectory(session, realm);
        this.groups = new RealmGroupDirectory(session, realm);
    }

    @Override
    public Status role(String roleName) {
        Optional<RoleModel> role = roles.findModel(roleName);
        if (role.isEmpty()) {
            return Status.UNKNOWN;
        }
        return ProtectedRoles.isProtected(role.get()) ? Status.PROTECTED : Status.GRANTABLE;
    }

    @Override
    public Status group(String pathOrName) {
        List<GroupModel> found = pathOrName == null ? List.of() : groups.findModels(pathOrName.trim());
        if (found.size() != 1) {
            return Status.UNKNOWN;
        }
        return RealmGroupDirectory.isProtected(found.get(0)) ? Status.PROTECTED : Status.GRANTABLE;
    }
}
