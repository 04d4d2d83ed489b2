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

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.JitSettingsBuilder;
import io.jitprovisioning.config.UnknownRolePolicy;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

@DisplayName("IdP managed roles and attribute mapping, through real SAML logins")
class ManagedRolesIT {

    static JitSettingsBuilder productPageMapping() {
        return SamlBrokerFixture.managedRolesMappingAllSent("support");
    }

    static SamlBrokerFixture fixture(String name, JitSettings settings) {
        SamlBrokerFixture fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), name, settings.toConfig());
        for (String role : List.of("support", "developer", "tester", "auditor", "manager")) {
            fixture.createRealmRole(role);
        }
        return fixture;
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given the product page's mapping (role -> USER_ROLE, firstName -> USER_FIRST_NAME, ...)")
    class ProductPageMapping {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("managed", productPageMapping().build());
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("Adam with role developer gets an account named Adam holding developer")
        void productPageExample() {
            fixture.idpUser("adam", IdpPerson.named("Adam", "Smith").email("adam@example.org").roles("developer"));

            LoginResult login = fixture.login("adam");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
            UserRepresentation adam = fixture.brokerUser("adam");
            assertThat(adam.getFirstName()).isEqualTo("Adam");
            assertThat(fixture.realmRolesOf(adam.getId())).containsExactly("developer");
        }

        @Test
        @DisplayName("a role changed in the IdP replaces the old one at the next login; a hand-granted role stays")
        void roleChangeFollowsTheIdp() {
            fixture.idpUser("carol", IdpPerson.named("Carol", "Jones").email("carol@example.org").roles("developer"));
            assertThat(fixture.login("carol").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("carol").getId();
            fixture.grantRealmRole(id, "auditor");

            fixture.idpUser("carol", IdpPerson.named("Carol", "Jones").email("carol@example.org").roles("tester"));
            assertThat(fixture.login("carol").isLoggedIn()).isTrue();

            assertThat(fixture.realmRolesOf(id)).containsExactly("auditor", "tester");
            EventRepresentation event = lastJitEvent(fixture, id);
            assertThat(event.getDetails()).containsEntry("jit_roles_granted", "tester").containsEntry("jit_roles_revoked", "developer");
        }

        @Test
        @DisplayName("several role values, in one multi-valued attribute, give several roles")
        void multiValuedRoles() {
            fixture.idpUser("dave", IdpPerson.named("Dave", "Grohl").email("dave@example.org")
                    .roles("developer", "TESTER", " manager "));

            assertThat(fixture.login("dave").isLoggedIn()).isTrue();

            assertThat(fixture.realmRolesOf(fixture.brokerUser("dave").getId())).containsExactly("developer", "manager", "tester");
        }

        @Test
        @DisplayName("no role value sent: the default role; the IdP-granted role is revoked")
        void noRoleGivesDefault() {
            fixture.idpUser("erin", IdpPerson.named("Erin", "Brock").email("erin@example.org").roles("developer"));
            assertThat(fixture.login("erin").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("erin").getId();

            fixture.idpUser("erin", IdpPerson.named("Erin", "Brock").email("erin@example.org"));
            assertThat(fixture.login("erin").isLoggedIn()).isTrue();

            assertThat(fixture.realmRolesOf(id)).containsExactly("support");
        }

        @Test
        @DisplayName("profile fields follow the IdP at every login; a field no longer sent keeps its value")
        void profileFollowsTheIdp() {
            fixture.idpUser("fay", IdpPerson.named("Fay", "Wray").email("fay@example.org").attribute("displayName", "Fay W.")
                    .attribute("phone", "+1 555 0100").roles("developer"));
            assertThat(fixture.login("fay").isLoggedIn()).isTrue();
            UserRepresentation fay = fixture.brokerUser("fay");
            assertThat(fay.getAttributes()).containsEntry("displayName", List.of("Fay W.")).containsEntry("phoneNumber", List.of("+1 555 0100"));

            fixture.idpUser("fay", IdpPerson.named("Faye", "Wray").email("faye@example.org").roles("developer"));
            assertThat(fixture.login("fay").isLoggedIn()).isTrue();

            UserRepresentation updated = fixture.brokerUser("fay");
            assertThat(updated.getFirstName()).isEqualTo("Faye");
            assertThat(updated.getEmail()).isEqualTo("faye@example.org");
            assertThat(updated.getAttributes()).containsEntry("displayName", List.of("Fay W.")).containsEntry("phoneNumber", List.of("+1 555 0100"));
            assertThat(lastJitEvent(fixture, fay.getId()).getDetails()).containsEntry("jit_profile_updated", "email,firstName");
        }

        @Test
        @DisplayName("the user cannot forge the provenance, even when the realm lets users edit unmanaged attributes; an admin's edit keeps it")
        void provenanceIsOutOfTheUsersReach() {
            fixture.unmanagedAttributePolicy("ENABLED");
            try {
                fixture.idpUser("gus", IdpPerson.named("Gus", "Fring").email("gus@example.org").roles("developer"));
                LoginResult login = fixture.login("gus");
                assertThat(login.isLoggedIn()).isTrue();
                UserRepresentation gus = fixture.brokerUser("gus");
                assertThat(fixture.grantedRoles(gus.getId())).isEqualTo(Map.of(SamlBrokerFixture.IDP_ALIAS, List.of("developer")));

                int status = fixture.accountApiUpdate(fixture.accessToken(login),
                        Map.of("jit.managed.roles", List.of(), "jit.provisioned.by", List.of("corp-idp:someone-else")));

                assertThat(status).as("the realm lets users write any attribute").isEqualTo(204);
                assertThat(fixture.grantedRoles(gus.getId())).isEqualTo(Map.of(SamlBrokerFixture.IDP_ALIAS, List.of("developer")));
                UserRepresentation edited = fixture.brokerUser("gus");
                edited.setFirstName("Gustavo");
                fixture.admin().put("/" + fixture.brokerRealm() + "/users/" + gus.getId(), edited).expect(204);
                assertThat(fixture.grantedRoles(gus.getId())).isEqualTo(Map.of(SamlBrokerFixture.IDP_ALIAS, List.of("developer")));

                fixture.idpUser("gus", IdpPerson.named("Gus", "Fring").email("gus@example.org").roles("tester"));
                assertThat(fixture.login("gus").isLoggedIn()).isTrue();
                assertThat(fixture.realmRolesOf(gus.getId())).as("the IdP's grant was still known, so it was revoked").containsExactly("tester");
            } finally {
                fixture.unmanagedAttributePolicy(null);
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given role values that name no assignable role")
    class UnknownRoles {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("unknown", productPageMapping().roleValue("Engineering", "developer").build());
            fixture.createCompositeRole("super", List.of("realm-management.manage-users"));
            fixture.createCompositeRole("nested-super", List.of("super"));
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        private void policy(UnknownRolePolicy policy, JitSettingsBuilder settings) {
            fixture.configureJit(settings.set(JitConfigProperties.UNKNOWN_ROLE_POLICY, policy).build().toConfig());
        }

        @Test
        @DisplayName("the role-value table maps an IdP value to a role")
        void roleValueTable() {
            policy(UnknownRolePolicy.DEFAULT_ROLE, productPageMapping().roleValue("Engineering", "developer"));
            fixture.idpUser("hal", IdpPerson.named("Hal", "Nine").email("hal@example.org").roles("engineering"));

            assertThat(fixture.login("hal").isLoggedIn()).isTrue();

            assertThat(fixture.realmRolesOf(fixture.brokerUser("hal").getId())).containsExactly("developer");
        }

        @Test
        @DisplayName("DEFAULT_ROLE: an unknown value gives the default role, and the event names the value")
        void defaultRolePolicy() {
            policy(UnknownRolePolicy.DEFAULT_ROLE, productPageMapping());
            fixture.idpUser("ida", IdpPerson.named("Ida", "Lupino").email("ida@example.org").roles("astronaut"));

            assertThat(fixture.login("ida").isLoggedIn()).isTrue();

            String id = fixture.brokerUser("ida").getId();
            assertThat(fixture.realmRolesOf(id)).containsExactly("support");
            assertThat(lastJitEvent(fixture, id).getDetails()).containsEntry("jit_roles_refused", "astronaut(unknown)");
        }

        @Test
        @DisplayName("values naming nothing are no news alone: no event at a sign-in that changes nothing; listed when a protected role is asked for")
        void valuesNamingNothingAloneSendNoEvent() {
            policy(UnknownRolePolicy.DEFAULT_ROLE, productPageMapping());
            fixture.idpUser("uma", IdpPerson.named("Uma", "Thurman").email("uma@example.org").roles("developer"));
            assertThat(fixture.login("uma").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("uma").getId();
            int eventsAfterFirstSignIn = jitEvents(fixture, id).size();
            assertThat(eventsAfterFirstSignIn).as("the first sign-in granted a role").isEqualTo(1);

            fixture.idpUser("uma", IdpPerson.named("Uma", "Thurman").email("uma@example.org")
                    .roles("developer", "6f1c2a9e-entra-group", "CN=Printers"));
            assertThat(fixture.login("uma").isLoggedIn()).isTrue();

            assertThat(fixture.realmRolesOf(id)).containsExactly("developer");
            assertThat(jitEvents(fixture, id)).as("nothing changed and nothing was turned down for a cause").hasSize(eventsAfterFirstSignIn);

            fixture.idpUser("uma", IdpPerson.named("Uma", "Thurman").email("uma@example.org")
                    .roles("developer", "6f1c2a9e-entra-group", "realm-admin"));
            assertThat(fixture.login("uma").isLoggedIn()).isTrue();

            assertThat(fixture.realmRolesOf(id)).containsExactly("developer");
            assertThat(jitEvents(fixture, id)).hasSize(eventsAfterFirstSignIn + 1);
            assertThat(lastJitEvent(fixture, id).getDetails().get("jit_roles_refused").split(","))
                    .containsExactlyInAnyOrder("6f1c2a9e-entra-group(unknown)", "realm-admin(protected)");
        }

        @Test
        @DisplayName("DENY: a new user is refused with UNKNOWN_ROLE and no account is created")
        void denyRefusesNewUser() {
            policy(UnknownRolePolicy.DENY, productPageMapping());
            fixture.idpUser("jack", IdpPerson.named("Jack", "Sprat").email("jack@example.org").roles("astronaut"));

            LoginResult login = fixture.login("jack");

            assertThat(login.isLoggedIn()).isFalse();
            Refused.withCode(login, "UNKNOWN_ROLE");
            assertThat(login.lastStatus()).isEqualTo(403);
            assertThat(fixture.brokerUser("jack")).isNull();
        }

        @Test
        @DisplayName("DENY: an existing user sent only a protected role is refused with ROLE_NOT_ALLOWED and keeps their roles")
        void denyRefusesExistingUser() {
            policy(UnknownRolePolicy.DENY, productPageMapping());
            fixture.idpUser("kim", IdpPerson.named("Kim", "Novak").email("kim@example.org").roles("developer"));
            assertThat(fixture.login("kim").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("kim").getId();

            fixture.idpUser("kim", IdpPerson.named("Kim", "Novak").email("kim@example.org").roles("super"));
            LoginResult login = fixture.login("kim");

            Refused.withCode(login, "ROLE_NOT_ALLOWED");
            assertThat(fixture.realmRolesOf(id)).containsExactly("developer");
        }

        @Test
        @DisplayName("KEEP_CURRENT: an unknown value leaves the account's roles as they are")
        void keepCurrentPolicy() {
            policy(UnknownRolePolicy.KEEP_CURRENT, productPageMapping());
            fixture.idpUser("lea", IdpPerson.named("Lea", "Seydoux").email("lea@example.org").roles("developer"));
            assertThat(fixture.login("lea").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("lea").getId();

            fixture.idpUser("lea", IdpPerson.named("Lea", "Seydoux").email("lea@example.org").roles("astronaut"));
            assertThat(fixture.login("lea").isLoggedIn()).isTrue();

            assertThat(fixture.realmRolesOf(id)).containsExactly("developer");
        }

        @Test
        @DisplayName("admin roles, composites holding them at any depth, and roles outside the allowlist are never granted")
        void protectedRolesAreNeverGranted() {
            policy(UnknownRolePolicy.DEFAULT_ROLE, productPageMapping()
                    .roleValue("boss", "realm-management.realm-admin")
                    .assignableRole("developer").assignableRole("tester").assignableRole("super").assignableRole("nested-super")
                    .assignableRole("realm-management.realm-admin"));
            fixture.idpUser("max", IdpPerson.named("Max", "Power").email("max@example.org")
                    .roles("realm-admin", "manage-users", "admin", "super", "nested-super", "boss", "manager", "developer"));

            assertThat(fixture.login("max").isLoggedIn()).isTrue();

            String id = fixture.brokerUser("max").getId();
            assertThat(fixture.realmRolesOf(id)).containsExactly("developer");
            assertThat(fixture.admin().get("/" + fixture.brokerRealm() + "/users/" + id + "/role-mappings").body())
                    .doesNotContain("realm-admin").doesNotContain("manage-users");
            assertThat(lastJitEvent(fixture, id).getDetails().get("jit_roles_refused").split(","))
                    .as("every value sent but developer, with its reason")
                    .containsExactlyInAnyOrder("realm-admin(protected)", "manage-users(protected)", "admin(unknown)", "super(protected)",
                            "nested-super(protected)", "boss(protected)", "manager(not_assignable)");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given IdP managed roles off")
    class ManagedRolesOff {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("unmanaged", productPageMapping().set(JitConfigProperties.IDP_MANAGED_ROLES, false).build());
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("the default role is granted at creation, and later logins change neither roles nor profile")
        void noSync() {
            fixture.idpUser("ned", IdpPerson.named("Ned", "Flanders").email("ned@example.org").roles("developer"));
            assertThat(fixture.login("ned").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("ned").getId();
            assertThat(fixture.realmRolesOf(id)).containsExactly("support");

            fixture.idpUser("ned", IdpPerson.named("Ned", "Stark").email("ned@example.org").roles("tester"));
            assertThat(fixture.login("ned").isLoggedIn()).isTrue();

            assertThat(fixture.realmRolesOf(id)).containsExactly("support");
        }
    }

    static EventRepresentation lastJitEvent(SamlBrokerFixture fixture, String userId) {
        return jitEvents(fixture, userId).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no IDENTITY_PROVIDER_LOGIN event for " + userId));
    }

    /** The user's {@code IDENTITY_PROVIDER_LOGIN} events (the extension's), newest first. */
    static List<EventRepresentation> jitEvents(SamlBrokerFixture fixture, String userId) {
        return fixture.events("IDENTITY_PROVIDER_LOGIN").stream()
                .filter(event -> userId.equals(event.getUserId()))
                .toList();
    }
}
