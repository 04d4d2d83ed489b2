package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.JitSettingsBuilder;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

@DisplayName("The first broker login: instant accounts, invitation-only mode, organizations, refusals")
class FirstBrokerLoginIT {

    static JitSettingsBuilder settings(boolean jitEnabled) {
        return JitSettings.builder().set(JitConfigProperties.JIT_ENABLED, jitEnabled).set(JitConfigProperties.DEFAULT_ROLE, "support").set(JitConfigProperties.IDP_MANAGED_ROLES, true)
                .map("role", AttributeTarget.USER_ROLE).map("firstName", AttributeTarget.USER_FIRST_NAME)
                .map("displayName", AttributeTarget.USER_DISPLAY_NAME);
    }

    static SamlBrokerFixture fixture(String name, boolean jitEnabled) {
        SamlBrokerFixture fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), name, settings(jitEnabled).build().toConfig());
        fixture.createRealmRole("support");
        fixture.createRealmRole("developer");
        return fixture;
    }

    static void assertNothingLeftBehind(SamlBrokerFixture fixture, String userId) {
        assertThat(fixture.federatedIdentities(userId)).isEmpty();
        assertThat(fixture.realmRolesOf(userId)).isEmpty();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given JIT on")
    class JitOn {

        SamlBrokerFixture fixture;
        String organizationId;

        @BeforeAll
        void setUp() {
            fixture = fixture("jit-on", true);
            organizationId = fixture.createOrganization("acme", "acme.test");
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("a new user gets an account, becomes a member of the IdP's organization, and sees no page")
        void newUserJoinsOrganization() {
            fixture.idpUser("nora", IdpPerson.named("Nora", "Tester").email("nora@acme.test").roles("developer"));

            LoginResult login = fixture.login("nora");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
            assertThat(fixture.organizationMemberNames(organizationId)).contains("nora");
            assertThat(fixture.realmRolesOf(fixture.brokerUser("nora").getId())).containsExactly("developer");
        }

        @Test
        @DisplayName("an existing account with the same email and nothing vouching for it is refused, and left untouched")
        void untrustedExistingAccount() {
            String id = fixture.createBrokerUser("olga-local", "olga@elsewhere.test", true);
            fixture.idpUser("olga", IdpPerson.named("Olga", "Tester").email("olga@elsewhere.test").roles("developer"));

            LoginResult login = fixture.login("olga");

            assertThat(login.isLoggedIn()).isFalse();
            Refused.withCode(login, "ACCOUNT_EXISTS_UNTRUSTED");
            assertThat(login.lastText()).contains("already exists");
            assertNothingLeftBehind(fixture, id);
            assertThat(fixture.organizationMemberNames(organizationId)).doesNotContain("olga-local");
            assertThat(fixture.brokerUser("olga")).isNull();
        }

        @Test
        @DisplayName("an existing account that is a member of the IdP's organization is linked, found by username (its email is outside the organization's domains)")
        void organizationMemberIsLinked() {
            String id = fixture.createBrokerUser("pia", "pia@partner.test", true);
            fixture.addOrganizationMember(organizationId, id);
            fixture.idpUser("pia", IdpPerson.named("Pia", "Tester").email("pia@partner.test").roles("developer"));

            LoginResult login = fixture.login("pia");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(fixture.federatedIdentities(id)).hasSize(1);
            assertThat(fixture.realmRolesOf(id)).containsExactly("developer");
        }

        @Test
        @DisplayName("an existing account whose email domain belongs to the IdP's organization is linked")
        void organizationDomainIsLinked() {
            String id = fixture.createBrokerUser("quinn-local", "quinn@acme.test", true);
            fixture.idpUser("quinn", IdpPerson.named("Quinn", "Tester").email("quinn@acme.test").roles("developer"));

            LoginResult login = fixture.login("quinn");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(fixture.federatedIdentities(id)).hasSize(1);
            assertThat(fixture.organizationMemberNames(organizationId)).contains("quinn-local");
        }

        @Test
        @DisplayName("a disabled account stays disabled and the login is refused")
        void disabledAccountStaysDisabled() {
            String id = fixture.createBrokerUser("rita-local", "rita@acme.test", false);
            fixture.idpUser("rita", IdpPerson.named("Rita", "Tester").email("rita@acme.test").roles("developer"));

            LoginResult login = fixture.login("rita");

            Refused.withCode(login, "ACCOUNT_DISABLED");
            assertThat(fixture.brokerUser("rita-local").isEnabled()).isFalse();
            assertNothingLeftBehind(fixture, id);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given JIT on and an IdP trusted for email")
    class TrustEmail {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("trust-email", true);
            fixture.updateIdentityProvider(idp -> {
                idp.put("trustEmail", true);
                return idp;
            });
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("an existing account with the same, verified email is linked")
        void sameEmailIsLinked() {
            String id = fixture.createBrokerUser("sam-local", "sam@anywhere.test", true);
            fixture.setEmailVerified(id, true);
            fixture.idpUser("sam", IdpPerson.named("Sam", "Tester").email("sam@anywhere.test").roles("developer"));

            LoginResult login = fixture.login("sam");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(fixture.federatedIdentities(id)).hasSize(1);
            assertThat(fixture.brokerUser("sam")).isNull();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given JIT off (invitation only)")
    class JitOff {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("jit-off", false);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("an invited user is linked on the first login and gets the mapping and roles")
        void invitedUserIsLinked() {
            String id = fixture.createBrokerUser("tom-invited", "tom@corp.test", true);
            fixture.idpUser("tom", IdpPerson.named("Tom", "Tester").email("tom@corp.test").attribute("displayName", "Tommy")
                    .roles("developer"));

            LoginResult login = fixture.login("tom");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
            UserRepresentation tom = fixture.brokerUser("tom-invited");
            assertThat(tom.getFirstName()).isEqualTo("Tom");
            assertThat(tom.getAttributes()).containsEntry("displayName", List.of("Tommy"));
            assertThat(fixture.realmRolesOf(id)).containsExactly("developer");
            assertThat(fixture.federatedIdentities(id)).hasSize(1);
            assertThat(fixture.login("tom").isLoggedIn()).isTrue();
        }

        @Test
        @DisplayName("an invited user is matched by username when the email differs")
        void invitedByUsername() {
            String id = fixture.createBrokerUser("uma", "uma@old-address.test", true);
            fixture.idpUser("uma", IdpPerson.named("Uma", "Tester").email("uma@new-address.test").roles("developer"));

            assertThat(fixture.login("uma").isLoggedIn()).isTrue();

            assertThat(fixture.federatedIdentities(id)).hasSize(1);
        }

        @Test
        @DisplayName("anyone else is refused with NOT_PROVISIONED, a plain-words page and one error event; no account is made")
        void uninvitedUserIsRefused() {
            fixture.clearEvents();
            fixture.idpUser("vic", IdpPerson.named("Vic", "Tester").email("vic@corp.test").roles("developer"));

            LoginResult login = fixture.login("vic");

            assertThat(login.isLoggedIn()).isFalse();
            Refused.withCode(login, "NOT_PROVISIONED");
            assertThat(login.lastText()).contains("Your organization has not given you access yet", "NOT_PROVISIONED");
            assertThat(fixture.brokerUser("vic")).isNull();
            List<EventRepresentation> errors = fixture.events("IDENTITY_PROVIDER_FIRST_LOGIN_ERROR");
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getError()).isEqualTo("jit_not_provisioned");
            assertThat(errors.get(0).getDetails()).containsEntry("jit_error", "NOT_PROVISIONED")
                    .containsEntry("identity_provider", SamlBrokerFixture.IDP_ALIAS);
        }

        @Test
        @DisplayName("the refusal page speaks the user's language")
        void refusalInGerman() {
            fixture.idpUser("wim", IdpPerson.named("Wim", "Tester").email("wim@corp.test").roles("developer"));

            LoginResult login = fixture.loginInLanguage("wim", "de");

            assertThat(login.lastText()).contains("Ihre Organisation hat Ihnen noch keinen Zugang gegeben", "NOT_PROVISIONED");
        }

        @Test
        @DisplayName("without a JIT mapper on the IdP, nobody new gets in")
        void noMapperMeansNoProvisioning() {
            fixture.removeJitMapper();
            try {
                fixture.idpUser("xena", IdpPerson.named("Xena", "Tester").email("xena@corp.test").roles("developer"));

                Refused.withCode(fixture.login("xena"), "NOT_PROVISIONED");
                assertThat(fixture.brokerUser("xena")).isNull();
            } finally {
                fixture.configureJit(settings(false).build().toConfig());
            }
        }
    }
}
