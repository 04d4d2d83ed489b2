package io.jitprovisioning.roles;

import java.util.Optional;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/** The role directory of one realm. Exact names are looked up first; a case-insensitive scan only on a miss. */
public final class RealmRoleDirectory implements RoleDirectory {

    private static final int MAX_CLIENT_LOOKUPS = 10;

    private final KeycloakSession session;
    private final RealmModel realm;

    public RealmRoleDirectory(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public Optional<RoleRef> find(String name) {
        return findModel(name).map(RealmRoleDirectory::toRef);
    }

    @Override
    public Optional<RoleRef> byId(String id) {
        return Optional.ofNullable(realm.getRoleById(id)).map(RealmRoleDirectory::toRef);
    }

    @Override
    public boolean isProtected(RoleRef role) {
        RoleModel model = realm.getRoleById(role.id());
        return model == null || ProtectedRoles.isProtected(model);
    }

    @Override
    public boolean namesAdminRole(String name) {
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return realmManagement != null && roleIgnoringCase(realmManagement, name).isPresent();
    }

    public Optional<RoleModel> findModel(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        // "clientId.role" as KeycloakModelUtils.getRoleFromString reads it: its signatures differ between Keycloak 26.4
        // and 26.7, so the same resolution is written here with the model calls both have.
        int dot = name.lastIndexOf('.');
        for (int lookups = 0; dot > 0 && lookups < MAX_CLIENT_LOOKUPS; lookups++) {
            ClientModel client = realm.getClientByClientId(name.substring(0, dot));
            if (client != null) {
                return roleIgnoringCase(client, name.substring(dot + 1));
            }
            dot = name.lastIndexOf('.', dot - 1);
        }
        RoleModel exact = realm.getRole(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return realm.getRolesStream().filter(role -> role.getName().equalsIgnoreCase(name)).findFirst();
    }

    public static RoleRef toRef(RoleModel role) {
        String name = role.isClientRole()
                ? ((ClientModel) role.getContainer()).getClientId() + "." + role.getName()
                : role.getName();
        return new RoleRef(role.getId(), name);
    }

    private static Optional<RoleModel> roleIgnoringCase(ClientModel client, String roleName) {
        RoleModel exact = client.getRole(roleName);
        if (exact != null) {
            return Optional.of(exact);
        }
        return client.getRolesStream().filter(role -> role.getName().equalsIgnoreCase(roleName)).findFirst();
    }
}
