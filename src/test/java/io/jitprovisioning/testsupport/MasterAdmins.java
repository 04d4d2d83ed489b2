package io.jitprovisioning.testsupport;

import java.util.List;
import java.util.Map;

import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.core.type.TypeReference;

/** Administrators of the master realm with some roles of a realm's management client there, for permission tests. */
public final class MasterAdmins {

    private MasterAdmins() {
    }

    /**
     * A new administrator (replacing one of that name) with the password "secret", signed in.
     *
     * @param realmClient the master realm's client for the realm ({@code <realm>-realm}), or null for no role at all
     */
    public static AdminApi masterUser(AdminApi admin, String username, String realmClient, String... roles) {
        delete(admin, username);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName(username);
        user.setLastName("Admin");
        user.setEmail(username + "@example.org");
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType("password");
        credential.setValue("secret");
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        String id = admin.post("/master/users", user).expect(201).createdId();
        if (realmClient != null) {
            String clientUuid = admin.get("/master/clients?clientId=" + realmClient, new TypeReference<List<Map<String, Object>>>() {
            }).get(0).get("id").toString();
            List<Object> granted = List.of(roles).stream().map(role -> (Object) admin.get("/master/clients/" + clientUuid
                    + "/roles/" + role, Map.class)).toList();
            admin.post("/master/users/" + id + "/role-mappings/clients/" + clientUuid, granted).expect(204);
        }
        return admin.as(username, "secret");
    }

    public static void delete(AdminApi admin, String username) {
        admin.get("/master/users?exact=true&username=" + username, new TypeReference<List<UserRepresentation>>() {
        }).forEach(existing -> admin.delete("/master/users/" + existing.getId()));
    }
}
