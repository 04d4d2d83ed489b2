package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

/**
 * Role values are matched against an index of the realm's role names that each node keeps: roles created, renamed
 * and deleted after it was built must count at the very next sign-in, as they do for Keycloak itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("given role values matched through the role name index, and roles that change between sign-ins")
class RoleNameIndexIT {

    private static final List<String> SENT = List.of("DEVELOPER", "Sales-Team", "app.Reader", "Partial-Role", "realm-admin");

    SamlBrokerFixture fixture;
    AdminApi admin;
    String realm;

    @BeforeAll
    void setUp() {
        fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), "roleindex",
                SamlBrokerFixture.managedRolesMappingAllSent("support").build().toConfig());
        admin = fixture.admin();
        realm = "/" + fixture.brokerRealm();
        fixture.createRealmRole("support");
        fixture.createRealmRole("developer");
        fixture.idpUser("ann", IdpPerson.named("Ann", "Lee").email("ann@example.org").roles(SENT.toArray(String[]::new)));
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    @Test
    @Order(1)
    @DisplayName("at first only the role that exists is granted (ignoring case); realm-admin never")
    void onlyExistingRoles() {
        assertThat(rolesAfterLogin()).containsExactly("developer");
    }

    @Test
    @Order(2)
    @DisplayName("a realm role created in the console counts at the next sign-in, in another case")
    void createdRole() {
        fixture.createRealmRole("sales-team");

        assertThat(rolesAfterLogin()).containsExactly("developer", "sales-team");
    }

    @Test
    @Order(3)
    @DisplayName("a client created with a role counts at the next sign-in, though its clientId named no client before")
    void createdClient() {
        String uuid = admin.post(realm + "/clients", map("clientId", "app", "enabled", true)).expect(201).createdId();
        admin.post(realm + "/clients/" + uuid + "/roles", map("name", "reader")).expect(201);

        assertThat(rolesAfterLogin()).containsExactly("app.reader", "developer", "sales-team");
    }

    @Test
    @Order(4)
    @DisplayName("a role added by partial import counts at the next sign-in")
    void partialImport() {
        admin.post(realm + "/partialImport", map("ifResourceExists", "SKIP",
                "roles", map("realm", List.of(map("name", "partial-role"))))).expect(200);

        assertThat(rolesAfterLogin()).containsExactly("app.reader", "developer", "partial-role", "sales-team");
    }

    @Test
    @Order(5)
    @DisplayName("a renamed role no longer matches its old name: the extension revokes it at the next sign-in")
    void renamedRole() {
        JsonNode role = admin.get(realm + "/roles/sales-team").expect(200).json();
        admin.put(realm + "/roles-by-id/" + role.get("id").asText(), map("name", "sales-team-eu")).expect(204);

        assertThat(rolesAfterLogin()).containsExactly("app.reader", "developer", "partial-role");
    }

    @Test
    @Order(6)
    @DisplayName("a role deleted and created again in another case counts at the next sign-in")
    void deletedAndRecreated() {
        admin.delete(realm + "/roles/developer").expect(204);
        assertThat(rolesAfterLogin()).containsExactly("app.reader", "partial-role");

        fixture.createRealmRole("Developer");
        assertThat(rolesAfterLogin()).containsExactly("Developer", "app.reader", "partial-role");
    }

    /** Signs ann in and returns her realm and client roles (clientId.role), default roles aside, sorted. */
    private List<String> rolesAfterLogin() {
        assertThat(fixture.login("ann").isLoggedIn()).isTrue();
        String id = fixture.brokerUser("ann").getId();
        JsonNode mappings = admin.get(realm + "/users/" + id + "/role-mappings").expect(200).json();
        List<String> roles = new ArrayList<>();
        mappings.path("realmMappings").forEach(r -> roles.add(r.get("name").asText()));
        mappings.path("clientMappings").forEach(client -> client.path("mappings")
                .forEach(r -> roles.add(client.get("client").asText() + "." + r.get("name").asText())));
        return roles.stream().filter(name -> !name.startsWith("default-roles-")).sorted().toList();
    }
}
