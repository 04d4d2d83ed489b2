package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

/**
 * The list details of the extension's events ({@code jit_roles_refused}, {@code jit_roles_granted}, ...) are read by
 * auditors and SIEM rules: an IdP value, a role name or a group path holding {@code ,} or {@code (...)} must not read
 * as another entry or another reason.
 */
@DisplayName("Event list details: no value can forge an entry or a reason")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventDetailsIT {

    private static final String FORGING_ROLE = "x(unknown),realm-admin(granted)";
    private static final String FORGING_GROUP = "y(unknown),/admins(joined)";

    SamlBrokerFixture fixture;

    @BeforeAll
    void setUp() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.JIT_ENABLED, true).set(JitConfigProperties.DEFAULT_ROLE, "support").set(JitConfigProperties.IDP_MANAGED_ROLES, true)
                .map("role", AttributeTarget.USER_ROLE).map("groups", AttributeTarget.USER_GROUP)
                .map("firstName", AttributeTarget.USER_FIRST_NAME).map("lastName", AttributeTarget.USER_LAST_NAME)
                .map("email", AttributeTarget.USER_EMAIL).build();
        fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), "escaping", settings.toConfig());
        fixture.createRealmRole("support");
        fixture.createRealmRole("sales,realm-admin");
        fixture.createGroup(null, "north,south");
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    @Test
    @DisplayName("a forging role value and group value are one entry each, with their real reason; names with ',' are one entry")
    void forgingValuesStayOneEntry() {
        fixture.idpUser("eve", IdpPerson.named("Eve", "Forger").email("eve@example.org").roles("sales,realm-admin", FORGING_ROLE)
                .groups("north,south", FORGING_GROUP));

        LoginResult login = fixture.login("eve");

        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        String id = fixture.brokerUser("eve").getId();
        assertThat(fixture.realmRolesOf(id)).containsExactly("sales,realm-admin");
        assertThat(fixture.groupsOf(id)).containsExactly("/north,south");
        Map<String, String> details = ManagedRolesIT.lastJitEvent(fixture, id).getDetails();
        assertThat(details).containsEntry("jit_roles_refused", "x%28unknown%29%2Crealm-admin%28granted%29(unknown)")
                .containsEntry("jit_roles_granted", "sales%2Crealm-admin")
                .containsEntry("jit_groups_refused", "y%28unknown%29%2C/admins%28joined%29(unknown)")
                .containsEntry("jit_groups_joined", "/north%2Csouth");
    }
}
