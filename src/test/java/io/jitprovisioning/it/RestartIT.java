package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.UserRepresentation;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

@DisplayName("A Keycloak restart")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartIT {

    SamlBrokerFixture fixture;

    @BeforeAll
    void setUp() {
        JitSettings settings = JitSettings.builder().defaultRole("support").idpManagedRoles(true)
                .map("role", AttributeTarget.USER_ROLE).build();
        fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), "restart", settings.toConfig());
        for (String role : List.of("support", "developer", "tester", "auditor")) {
            fixture.createRealmRole(role);
        }
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    private static Map<String, List<String>> person(String name, String role) {
        return Map.of("firstName", List.of(name), "lastName", List.of("Durable"), "email", List.of(name + "@example.org"),
                "role", List.of(role));
    }

    @Test
    @DisplayName("keeps accounts, roles and provenance; later logins still sync, and hand-granted roles still stay")
    void durable() {
        fixture.idpUser("rex", person("rex", "developer"));
        fixture.idpUser("ria", person("ria", "developer"));
        assertThat(fixture.login("rex").isLoggedIn()).isTrue();
        assertThat(fixture.login("ria").isLoggedIn()).isTrue();
        UserRepresentation rex = fixture.brokerUser("rex");
        fixture.grantRealmRole(rex.getId(), "auditor");
        List<String> provenance = rex.getAttributes().get("jit.managed.roles");

        assumeTrue(SharedKeycloak.restart(), "the shared Keycloak was not started by this test run (kc.it.reuse)");

        UserRepresentation after = fixture.brokerUser("rex");
        assertThat(after.getId()).isEqualTo(rex.getId());
        assertThat(after.getAttributes().get("jit.managed.roles")).isEqualTo(provenance);
        assertThat(fixture.realmRolesOf(rex.getId())).containsExactly("auditor", "developer");
        assertThat(fixture.brokerUsers()).hasSize(2);

        fixture.idpUser("rex", person("rex", "tester"));
        assertThat(fixture.login("rex").isLoggedIn()).isTrue();
        assertThat(fixture.realmRolesOf(rex.getId())).containsExactly("auditor", "tester");
        assertThat(fixture.login("ria").isLoggedIn()).isTrue();
        assertThat(fixture.brokerUsers()).hasSize(2);
    }
}
