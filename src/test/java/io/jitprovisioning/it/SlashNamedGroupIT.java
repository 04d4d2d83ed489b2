package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * Group names may hold '/' (Keycloak does not escape it in paths by default), so a top-level group named
 * {@code engineering/ops} has the path of the subgroup {@code ops} of {@code engineering}. Through real signed SAML:
 * such a group is not inside Assignable groups {@code /engineering}; the real subgroup is.
 */
@DisplayName("A group named with a slash does not pass an allowlist it is not inside; the real subgroup does")
class SlashNamedGroupIT {

    static SamlBrokerFixture fixture(String name) {
        return GroupsAndGatesIT.fixture(name, GroupsAndGatesIT.settings()
                .set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/engineering")).build());
    }

    static List<String> refusedGroups(SamlBrokerFixture fixture, String userId) {
        return List.of(GroupsAndGatesIT.lastJitEvent(fixture, userId).getDetails().get("jit_groups_refused").split(","));
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given /engineering and a top-level group named 'engineering/ops'")
    class SlashNamed {

        SamlBrokerFixture fixture;
        String engineering;

        @BeforeAll
        void setUp() {
            fixture = fixture("slash-group");
            engineering = fixture.createGroup(null, "engineering");
            fixture.createGroup(null, "engineering/ops");
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("by name or by path, it is refused as not assignable: no membership, no provenance")
        void refused() {
            fixture.idpUser("sam", IdpPerson.named("sam", "Grouped").email("sam@acme.test").roles("developer")
                    .groups("engineering/ops", "/engineering/ops").status("active"));

            LoginResult login = fixture.login("sam");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            String id = fixture.brokerUser("sam").getId();
            assertThat(fixture.groupsOf(id)).isEmpty();
            assertThat(fixture.grantedGroups(id)).isEmpty();
            assertThat(refusedGroups(fixture, id))
                    .containsExactlyInAnyOrder("engineering/ops(not_assignable)", "/engineering/ops(not_assignable)");
        }

        @Test
        @DisplayName("once the real subgroup exists too, the path names two groups: refused as ambiguous, neither joined")
        void ambiguous() {
            String subgroup = fixture.createGroup(engineering, "ops");
            try {
                fixture.idpUser("tia", IdpPerson.named("tia", "Grouped").email("tia@acme.test").roles("developer")
                        .groups("/engineering/ops").status("active"));

                LoginResult login = fixture.login("tia");

                assertThat(login.isLoggedIn()).as("%s", login).isTrue();
                String id = fixture.brokerUser("tia").getId();
                assertThat(fixture.groupsOf(id)).isEmpty();
                assertThat(fixture.grantedGroups(id)).isEmpty();
                assertThat(refusedGroups(fixture, id)).containsExactly("/engineering/ops(ambiguous)");
            } finally {
                fixture.admin().delete("/" + fixture.brokerRealm() + "/groups/" + subgroup).expect(204);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given /engineering with its real subgroup ops")
    class RealSubgroup {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("sub-group");
            fixture.createGroup(fixture.createGroup(null, "engineering"), "ops");
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("/engineering/ops is inside /engineering, and joined, with its provenance")
        void joined() {
            fixture.idpUser("uma", IdpPerson.named("uma", "Grouped").email("uma@acme.test").roles("developer")
                    .groups("/engineering/ops").status("active"));

            LoginResult login = fixture.login("uma");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            String id = fixture.brokerUser("uma").getId();
            assertThat(fixture.groupsOf(id)).containsExactly("/engineering/ops");
            assertThat(fixture.grantedGroups(id)).isEqualTo(Map.of(SamlBrokerFixture.IDP_ALIAS, List.of("/engineering/ops")));
            assertThat(GroupsAndGatesIT.lastJitEvent(fixture, id).getDetails()).containsEntry("jit_groups_joined", "/engineering/ops")
                    .doesNotContainKey("jit_groups_refused");
        }
    }
}
