package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.core.type.TypeReference;

import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlLogin;
import io.jitprovisioning.testsupport.SharedKeycloak;

/** The demo's realm files, imported as they are (only the port differs), behave as the README promises. */
@DisplayName("The demo realms")
class DemoRealmsIT {

    private static AdminApi admin;
    private static SamlLogin demoIdp;

    @BeforeAll
    static void importDemoRealms() throws IOException {
        admin = SharedKeycloak.admin();
        for (String realm : List.of("acme", "idp")) {
            admin.delete("/" + realm);
        }
        for (String realm : List.of("idp", "acme")) {
            String json = Files.readString(Path.of("demo/realms/" + realm + "-realm.json"))
                    .replace("http://127.0.0.1:8080", admin.baseUrl());
            admin.post("", json).expect(201);
        }
        admin.post("/acme/clients", SamlLogin.testClient()).expect(201);
        demoIdp = new SamlLogin(admin.baseUrl(), "acme", "idp", "demo-idp");
    }

    @AfterAll
    static void deleteDemoRealms() {
        admin.delete("/acme");
        admin.delete("/idp");
    }

    private static LoginResult login(String username) {
        return demoIdp.login(username, username);
    }

    private static UserRepresentation user(String username) {
        return admin.get("/acme/users?exact=true&username=" + username, new TypeReference<List<UserRepresentation>>() {
        }).stream().findFirst().orElse(null);
    }

    private static List<String> roles(UserRepresentation user) {
        return admin.get("/acme/users/" + user.getId() + "/role-mappings/realm", new TypeReference<List<RoleRepresentation>>() {
        }).stream().map(RoleRepresentation::getName).filter(name -> !name.startsWith("default-roles-")).sorted().toList();
    }

    @Test
    @DisplayName("adam (the product page's example) gets an account with role developer, no page in between")
    void adam() {
        LoginResult login = login("adam");

        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        assertThat(login.pagesShownByBroker("idp")).isEmpty();
        UserRepresentation adam = user("adam");
        assertThat(adam.getFirstName()).isEqualTo("Adam");
        assertThat(adam.getAttributes()).containsEntry("displayName", List.of("Adam S.")).containsEntry("phoneNumber", List.of("+1 555 0100"));
        assertThat(roles(adam)).containsExactly("developer");
    }

    @Test
    @DisplayName("carl sends no role and gets the default role support; bella gets both of hers")
    void carlAndBella() {
        assertThat(login("carl").isLoggedIn()).isTrue();
        assertThat(login("bella").isLoggedIn()).isTrue();

        assertThat(roles(user("carl"))).containsExactly("support");
        assertThat(roles(user("bella"))).containsExactly("developer", "manager");
    }

    @Test
    @DisplayName("ivy's invited account is linked (her domain belongs to organization Acme); zoe's look-alike is refused")
    void ivyAndZoe() {
        String ivyId = user("ivy").getId();

        assertThat(login("ivy").isLoggedIn()).isTrue();
        assertThat(admin.get("/acme/users/" + ivyId + "/federated-identity", new TypeReference<List<Map<String, Object>>>() {
        })).hasSize(1);

        LoginResult zoe = login("zoe");
        assertThat(zoe.jitErrorCode()).isEqualTo("ACCOUNT_EXISTS_UNTRUSTED");
        assertThat(user("zoe")).isNull();
    }

    @Test
    @DisplayName("mallory's realm-admin request is refused and recorded; she gets the default role")
    void mallory() {
        assertThat(login("mallory").isLoggedIn()).isTrue();

        UserRepresentation mallory = user("mallory");
        assertThat(roles(mallory)).containsExactly("support");
        List<EventRepresentation> events = admin.get("/acme/events?type=IDENTITY_PROVIDER_LOGIN&user=" + mallory.getId(),
                new TypeReference<List<EventRepresentation>>() {
                });
        assertThat(events).isNotEmpty();
        assertThat(events.get(0).getDetails().get("jit_roles_refused")).contains("realm-admin(protected)", "boss(protected)");
    }
}
