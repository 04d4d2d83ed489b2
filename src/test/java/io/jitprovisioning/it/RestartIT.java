package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.UserRepresentation;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

@DisplayName("A Keycloak restart")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartIT {

    SamlBrokerFixture fixture;

    @BeforeAll
    void setUp() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, "support").set(JitConfigProperties.IDP_MANAGED_ROLES, true)
                .map("role", AttributeTarget.USER_ROLE).build();
        fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), "restart", settings.toConfig());
        for (String role : List.of("support", "developer", "tester", "auditor")) {
            fixture.createRealmRole(role);
        }
        // Administrators see and edit attributes the user profile does not declare: how version 0.1's provenance looked.
        fixture.unmanagedAttributePolicy("ADMIN_EDIT");
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    @Test
    @DisplayName("keeps accounts, roles and provenance, moves version 0.1's provenance attributes into the tables; later logins still sync")
    void durable() {
        fixture.idpUser("rex", IdpPerson.named("rex", "Durable").email("rex@example.org").roles("developer"));
        fixture.idpUser("ria", IdpPerson.named("ria", "Durable").email("ria@example.org").roles("developer"));
        fixture.idpUser("old", IdpPerson.named("old", "Durable").email("old@example.org").roles("developer"));
        assertThat(fixture.login("rex").isLoggedIn()).isTrue();
        assertThat(fixture.login("ria").isLoggedIn()).isTrue();
        assertThat(fixture.login("old").isLoggedIn()).isTrue();
        String rex = fixture.brokerUser("rex").getId();
        fixture.grantRealmRole(rex, "auditor");
        Map<String, List<String>> provenance = Map.of(SamlBrokerFixture.IDP_ALIAS, List.of("developer"));
        assertThat(fixture.grantedRoles(rex)).isEqualTo(provenance);
        String old = olderVersionsProvenance("old", "tester");

        assertThat(SharedKeycloak.restart()).as("the shared Keycloak restarted").isTrue();

        assertThat(fixture.brokerUser("rex").getId()).isEqualTo(rex);
        assertThat(fixture.grantedRoles(rex)).isEqualTo(provenance);
        assertThat(fixture.realmRolesOf(rex)).containsExactly("auditor", "developer");
        assertThat(fixture.brokerUsers()).hasSize(3);
        assertThat(fixture.grantedRoles(old)).isEqualTo(Map.of(SamlBrokerFixture.IDP_ALIAS, List.of("developer", "tester")));
        Map<String, List<String>> attributes = fixture.brokerUser("old").getAttributes();
        assertThat(attributes == null ? Map.of() : attributes).doesNotContainKeys("jit.managed.roles", "jit.provisioned.by");

        fixture.idpUser("rex", IdpPerson.named("rex", "Durable").email("rex@example.org").roles("tester"));
        assertThat(fixture.login("rex").isLoggedIn()).isTrue();
        assertThat(fixture.realmRolesOf(rex)).containsExactly("auditor", "tester");
        assertThat(fixture.login("ria").isLoggedIn()).isTrue();
        assertThat(fixture.login("old").isLoggedIn()).isTrue();
        assertThat(fixture.realmRolesOf(old)).as("the migrated grant of tester was revoked").containsExactly("developer");
        assertThat(fixture.brokerUsers()).hasSize(3);
    }

    /**
     * Makes an account look as version 0.1 left it: a role granted by the IdP, recorded (by id) only in the user
     * attribute {@code jit.managed.roles}, and {@code jit.provisioned.by}.
     */
    private String olderVersionsProvenance(String username, String role) {
        UserRepresentation user = fixture.brokerUser(username);
        fixture.grantRealmRole(user.getId(), role);
        user.setAttributes(Map.of("jit.managed.roles", List.of(fixture.realmRole(role).getId()),
                "jit.provisioned.by", List.of(SamlBrokerFixture.IDP_ALIAS + ":" + username)));
        fixture.admin().put("/" + fixture.brokerRealm() + "/users/" + user.getId(), user).expect(204);
        assertThat(fixture.brokerUser(username).getAttributes()).containsKey("jit.managed.roles");
        return user.getId();
    }
}
