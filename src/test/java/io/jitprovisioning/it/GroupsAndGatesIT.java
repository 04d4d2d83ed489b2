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
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.JitSettingsBuilder;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

@DisplayName("IdP-managed groups and sign-in gates, through real SAML logins")
class GroupsAndGatesIT {

    static final String SECOND_IDP = "second-idp";

    static JitSettingsBuilder settings() {
        return JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, "support").set(JitConfigProperties.IDP_MANAGED_ROLES, true)
                .map("role", AttributeTarget.USER_ROLE).map("groups", AttributeTarget.USER_GROUP)
                .map("firstName", AttributeTarget.USER_FIRST_NAME).map("lastName", AttributeTarget.USER_LAST_NAME)
                .map("email", AttributeTarget.USER_EMAIL)
                .set(JitConfigProperties.GROUP_VALUES, Map.of("Backend Team", "/engineering/backend"));
    }

    /** The realm's groups: /engineering with /engineering/backend, /sales, and /ops (realm-admin) with /ops/oncall. */
    record Groups(String engineering, String backend, String sales, String ops) {
        static Groups create(SamlBrokerFixture fixture) {
            String engineering = fixture.createGroup(null, "engineering");
            String backend = fixture.createGroup(engineering, "backend");
            String sales = fixture.createGroup(null, "sales");
            String ops = fixture.createGroup(null, "ops");
            fixture.createGroup(ops, "oncall");
            fixture.grantGroupClientRole(ops, "realm-management", "realm-admin");
            return new Groups(engineering, backend, sales, ops);
        }
    }

    static SamlBrokerFixture fixture(String name, JitSettings settings) {
        SamlBrokerFixture fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), name, settings.toConfig());
        fixture.createRealmRole("support");
        fixture.createRealmRole("developer");
        return fixture;
    }

    static EventRepresentation lastJitEvent(SamlBrokerFixture fixture, String userId) {
        return ManagedRolesIT.lastJitEvent(fixture, userId);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given groups mapped from the 'groups' attribute, with IdP managed roles")
    class ManagedGroups {

        SamlBrokerFixture fixture;
        Groups groups;

        @BeforeAll
        void setUp() {
            fixture = fixture("groups", settings().build());
            groups = Groups.create(fixture);
            fixture.addJitIdentityProvider(SECOND_IDP, settings().set(JitConfigProperties.GROUP_VALUES, Map.of("Backend Team", "/sales"))
                    .build().toConfig());
            fixture.trustEmail(SamlBrokerFixture.IDP_ALIAS, true);
            fixture.trustEmail(SECOND_IDP, true);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("a group from a name, from a path and from the table, out of one multi-valued attribute")
        void groupsFromNamePathAndTable() {
            fixture.idpUser("gina", IdpPerson.named("gina", "Grouped").email("gina@acme.test").roles("developer")
                    .groups("SALES", "/engineering", "Backend Team").status("active"));

            LoginResult login = fixture.login("gina");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            String id = fixture.brokerUser("gina").getId();
            assertThat(fixture.groupsOf(id)).containsExactly("/engineering", "/engineering/backend", "/sales");
            assertThat(lastJitEvent(fixture, id).getDetails())
                    .containsEntry("jit_groups_joined", "/engineering,/engineering/backend,/sales");
        }

        @Test
        @DisplayName("a group change in the IdP is reflected at the next sign-in; a membership made by hand is kept")
        void changesFollowTheIdpButHandMembershipsStay() {
            fixture.idpUser("hugo", IdpPerson.named("hugo", "Grouped").email("hugo@acme.test").roles("developer")
                    .groups("/engineering", "sales").status("active"));
            assertThat(fixture.login("hugo").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("hugo").getId();
            fixture.leaveGroup(id, groups.sales());
            fixture.joinGroup(id, groups.sales());
            fixture.joinGroup(id, groups.backend());

            fixture.idpUser("hugo", IdpPerson.named("hugo", "Grouped").email("hugo@acme.test").roles("developer").groups()
                    .status("active"));
            assertThat(fixture.login("hugo").isLoggedIn()).isTrue();

            assertThat(fixture.groupsOf(id)).as("the IdP's /engineering left; the hand-made ones stay")
                    .containsExactly("/engineering/backend", "/sales");
            assertThat(lastJitEvent(fixture, id).getDetails()).containsEntry("jit_groups_left", "/engineering");
            assertThat(fixture.grantedGroups(id)).isEmpty();
        }

        @Test
        @DisplayName("a group holding realm-admin, directly or through a parent, is never joined; unknown values change nothing")
        void protectedGroupsAreNeverJoined() {
            fixture.idpUser("ivan", IdpPerson.named("ivan", "Grouped").email("ivan@acme.test").roles("developer")
                    .groups("/ops", "oncall", "no-such-group").status("active"));

            LoginResult login = fixture.login("ivan");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            String id = fixture.brokerUser("ivan").getId();
            assertThat(fixture.groupsOf(id)).isEmpty();
            // The IdP realm keeps a user attribute's values unordered, so they arrive in any order.
            assertThat(lastJitEvent(fixture, id).getDetails().get("jit_groups_refused").split(","))
                    .containsExactlyInAnyOrder("/ops(protected)", "oncall(protected)", "no-such-group(unknown)");
        }

        @Test
        @DisplayName("two IdPs each keep their own memberships")
        void twoIdpsKeepTheirOwn() {
            fixture.idpUser("jana", IdpPerson.named("jana", "Grouped").email("jana@acme.test").roles("developer")
                    .groups("Backend Team").status("active"));
            assertThat(fixture.login("jana").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("jana").getId();
            assertThat(fixture.loginThrough(SECOND_IDP, "jana").isLoggedIn()).isTrue();
            assertThat(fixture.groupsOf(id)).containsExactly("/engineering/backend", "/sales");

            assertThat(fixture.login("jana").isLoggedIn()).isTrue();
            assertThat(fixture.groupsOf(id)).containsExactly("/engineering/backend", "/sales");
            assertThat(fixture.grantedGroups(id)).isEqualTo(Map.of(SamlBrokerFixture.IDP_ALIAS, List.of("/engineering/backend"),
                    SECOND_IDP, List.of("/sales")));

            fixture.idpUser("jana", IdpPerson.named("jana", "Grouped").email("jana@acme.test").roles("developer").groups()
                    .status("active"));
            assertThat(fixture.loginThrough(SECOND_IDP, "jana").isLoggedIn()).isTrue();
            assertThat(fixture.groupsOf(id)).as("the second IdP left only its own").containsExactly("/engineering/backend");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given assignable groups /engineering (with its subgroups)")
    class Allowlist {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("groups-allow", settings().set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/engineering")).build());
            Groups.create(fixture);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("a listed group and its subgroups are joined; anything else is refused")
        void onlyTheAllowlist() {
            fixture.idpUser("kim", IdpPerson.named("kim", "Grouped").email("kim@acme.test").roles("developer")
                    .groups("/engineering/backend", "sales").status("active"));

            assertThat(fixture.login("kim").isLoggedIn()).isTrue();

            String id = fixture.brokerUser("kim").getId();
            assertThat(fixture.groupsOf(id)).containsExactly("/engineering/backend");
            assertThat(lastJitEvent(fixture, id).getDetails()).containsEntry("jit_groups_refused", "sales(not_assignable)");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given IdP managed roles off")
    class AtCreationOnly {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("groups-once", settings().set(JitConfigProperties.IDP_MANAGED_ROLES, false).build());
            Groups.create(fixture);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("groups are applied at account creation only, like the default role")
        void onlyAtCreation() {
            fixture.idpUser("lea", IdpPerson.named("lea", "Grouped").email("lea@acme.test").roles("developer").groups("sales")
                    .status("active"));
            assertThat(fixture.login("lea").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("lea").getId();

            fixture.idpUser("lea", IdpPerson.named("lea", "Grouped").email("lea@acme.test").roles("developer")
                    .groups("/engineering").status("active"));
            assertThat(fixture.login("lea").isLoggedIn()).isTrue();

            assertThat(fixture.groupsOf(id)).containsExactly("/sales");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given the gates: allowed email domain acme.test, required attribute status = active")
    class Gates {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("gates", settings().set(JitConfigProperties.ALLOWED_EMAIL_DOMAINS, List.of("acme.test"))
                    .set(JitConfigProperties.REQUIRED_ATTRIBUTE, "status")
                    .set(JitConfigProperties.REQUIRED_VALUES, List.of("active", "on leave")).build());
            Groups.create(fixture);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("a first sign-in with an email outside the domains is refused with DOMAIN_NOT_ALLOWED; no account is made")
        void firstSignInOutsideTheDomains() {
            fixture.idpUser("max", IdpPerson.named("max", "Grouped").email("max@other.test").roles("developer").groups("sales")
                    .status("active"));

            LoginResult login = fixture.login("max");

            Refused.withCode(login, "DOMAIN_NOT_ALLOWED");
            assertThat(login.lastText()).contains("DOMAIN_NOT_ALLOWED");
            assertThat(fixture.brokerUser("max")).isNull();
        }

        @Test
        @DisplayName("a first sign-in without a required value is refused with NOT_ALLOWED; no account is made")
        void firstSignInWithoutTheRequiredValue() {
            fixture.idpUser("nils", IdpPerson.named("nils", "Grouped").email("nils@acme.test").roles("developer").groups("sales")
                    .status("former"));

            LoginResult login = fixture.login("nils");

            Refused.withCode(login, "NOT_ALLOWED");
            assertThat(fixture.brokerUser("nils")).isNull();
        }

        @Test
        @DisplayName("an existing account is refused by either gate at a later sign-in, and nothing on it changes")
        void laterSignInsAreGatedToo() {
            fixture.idpUser("otto", IdpPerson.named("otto", "Grouped").email("otto@acme.test").roles("developer").groups("sales")
                    .status("active"));
            assertThat(fixture.login("otto").isLoggedIn()).isTrue();
            UserRepresentation before = fixture.brokerUser("otto");

            IdpPerson moved = IdpPerson.named("otto", "Grouped").email("otto@acme.test").roles("developer").groups("/engineering")
                    .status("active");
            fixture.idpUser("otto", moved.email("otto@other.test").roles("support"));
            LoginResult outside = fixture.login("otto");
            fixture.idpUser("otto", moved.status("former"));
            LoginResult notAllowed = fixture.login("otto");

            Refused.withCode(outside, "DOMAIN_NOT_ALLOWED");
            Refused.withCode(notAllowed, "NOT_ALLOWED");
            UserRepresentation after = fixture.brokerUser("otto");
            assertThat(after.getEmail()).isEqualTo(before.getEmail());
            assertThat(fixture.realmRolesOf(after.getId())).containsExactly("developer");
            assertThat(fixture.groupsOf(after.getId())).containsExactly("/sales");
        }

        @Test
        @DisplayName("any one of the required values lets the person in")
        void anyRequiredValue() {
            fixture.idpUser("pia", IdpPerson.named("pia", "Grouped").email("pia@acme.test").roles("developer").groups("sales")
                    .status("on  leave"));

            assertThat(fixture.login("pia").isLoggedIn()).isTrue();
        }
    }
}
