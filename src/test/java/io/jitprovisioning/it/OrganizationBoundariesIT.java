package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.jitprovisioning.compat.KeycloakRelease;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SamlLogin;
import io.jitprovisioning.testsupport.SharedKeycloak;

/** An organization's boundary: its invitations are its own, and a disabled organization vouches for nobody. */
@DisplayName("Organization boundaries: invitations are the organization's own; a disabled organization vouches for nobody")
class OrganizationBoundariesIT {

    static final String PLAIN_IDP = "plain-idp";

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given invitation only, Evil's IdP (organization evil, verified evil.test), and an IdP of no organization")
    class BorrowedInvitations {

        SamlBrokerFixture fixture;
        String evil;

        @BeforeAll
        void setUp() {
            fixture = TrustBoundariesIT.fixture("ob-invite", false);
            fixture.acceptAnythingInIdpUserProfile();
            evil = fixture.createOrganization("evil", "evil.test");
            fixture.addJitIdentityProvider(PLAIN_IDP, TrustBoundariesIT.settings(false).build().toConfig());
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("Acme's invitation ivy@acme.test is not Evil's: the NameID ivy@acme.test from Evil's IdP links nothing, joins nothing")
        void anotherOrganizationsInvitationIsNotLinked() {
            String invited = fixture.createBrokerUser("ivy@acme.test", "ivy@acme.test", true);
            fixture.idpUser("ivy@acme.test", IdpPerson.named("Ivy", "Person").roles("developer"));

            Refused.withNothingWritten(fixture, fixture.login("ivy@acme.test"), "ACCOUNT_EXISTS_UNTRUSTED", invited);
            assertThat(fixture.isOrganizationMember(evil, "ivy@acme.test")).isFalse();
        }

        @Test
        @DisplayName("Evil's own invitation (its email in evil.test), found by username, is linked with no page and joins evil")
        void theOrganizationsOwnInvitationIsLinked() {
            String invited = fixture.createBrokerUser("ian", "ian@evil.test", true);
            fixture.idpUser("ian", IdpPerson.named("Ian", "Person").roles("developer"));

            LoginResult login = fixture.login("ian");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
            assertThat(fixture.federatedIdentities(invited)).hasSize(1);
            assertThat(fixture.isOrganizationMember(evil, "ian")).isTrue();
        }

        @Test
        @DisplayName("through an IdP of no organization, an invitation found by username is linked as before")
        void withoutAnOrganizationTheUsernameInvitationStands() {
            String invited = fixture.createBrokerUser("ivo", "ivo@acme.test", true);
            fixture.idpUser("ivo", IdpPerson.named("Ivo", "Person").roles("developer"));

            LoginResult login = fixture.loginThrough(PLAIN_IDP, "ivo");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(fixture.federatedIdentities(invited)).hasSize(1);
        }
    }

    /**
     * Keycloak offers no sign-in through the IdP of a disabled organization. A browser that reached the IdP before an
     * administrator disabled the organization comes back with a valid response: Keycloak 26.5 and later refuse it (404, the
     * identity provider is not found); 26.4 lets it through to the mappers, where the extension's own rule
     * answers: a disabled organization vouches for nobody and takes in no one. Each release's outcome is pinned.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given organization acme (verified acme.test) with its IdP, JIT on, disabled while a person is at the IdP")
    class DisabledOrganization {

        /** The first release that refuses a response for the identity provider of a disabled organization itself. */
        static final KeycloakRelease REFUSES_DISABLED_ORGANIZATIONS_IDP = new KeycloakRelease(26, 5);

        SamlBrokerFixture fixture;
        String acme;

        @BeforeAll
        void setUp() {
            fixture = TrustBoundariesIT.fixture("ob-disabled", true);
            acme = fixture.createOrganization("acme", "acme.test");
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        boolean keycloakRefusesItself() {
            return SharedKeycloak.release().compareTo(REFUSES_DISABLED_ORGANIZATIONS_IDP) >= 0;
        }

        LoginResult signInDisabledHalfway(String username) {
            SamlLogin.Captured atTheIdp = fixture.samlLogin().captureResponse(username, SamlBrokerFixture.PASSWORD);
            fixture.organizationEnabled(acme, false);
            try {
                return atTheIdp.post(UnaryOperator.identity());
            } finally {
                fixture.organizationEnabled(acme, true);
            }
        }

        @Test
        @DisplayName("an invitation in acme.test is not vouched for by the disabled organization's domain: nothing linked")
        void disabledDomainVouchesForNobody() {
            String invited = fixture.createBrokerUser("dora-local", "dora@acme.test", true);
            fixture.idpUser("dora", IdpPerson.named("Victim", "Person").email("dora@acme.test").roles("developer"));

            LoginResult login = signInDisabledHalfway("dora");

            if (keycloakRefusesItself()) {
                assertThat(login.lastStatus()).as("Keycloak %s: %s", SharedKeycloak.release(), login).isEqualTo(404);
            } else {
                Refused.withCode(login, "ACCOUNT_EXISTS_UNTRUSTED");
            }
            assertThat(fixture.federatedIdentities(invited)).as("links").isEmpty();
            assertThat(fixture.realmRolesOf(invited)).as("roles").isEmpty();
            assertThat(fixture.grantedRoles(invited)).as("provenance").isEmpty();
            assertThat(fixture.isOrganizationMember(acme, "dora-local")).isFalse();
        }

        @Test
        @DisplayName("a new person is made no member of the disabled organization; with acme enabled, the next one joins")
        void noOneJoinsADisabledOrganization() {
            fixture.idpUser("nora", IdpPerson.named("Victim", "Person").email("nora@acme.test").roles("developer"));

            LoginResult nora = signInDisabledHalfway("nora");

            if (keycloakRefusesItself()) {
                assertThat(nora.lastStatus()).as("Keycloak %s: %s", SharedKeycloak.release(), nora).isEqualTo(404);
                assertThat(fixture.brokerUser("nora")).isNull();
            } else {
                assertThat(nora.isLoggedIn()).as("Keycloak %s: %s", SharedKeycloak.release(), nora).isTrue();
                assertThat(fixture.isOrganizationMember(acme, "nora")).as("no member of the disabled organization").isFalse();
                assertThat(fixture.brokerUser("nora").isEmailVerified()).as("its domain vouches for nothing").isFalse();
            }
            fixture.idpUser("olga", IdpPerson.named("Victim", "Person").email("olga@acme.test").roles("developer"));
            assertThat(fixture.login("olga").isLoggedIn()).isTrue();
            assertThat(fixture.isOrganizationMember(acme, "olga")).isTrue();
        }
    }
}
