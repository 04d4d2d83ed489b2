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

import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * Domains decide who vouches for an account: a look-alike of a domain never does, and an organization's verified
 * domain is that organization's alone. Real signed SAML through a real Keycloak.
 */
@DisplayName("Domains: a look-alike never vouches, and an organization's verified domain is its own")
class DomainBoundariesIT {

    static final String INITECH_IDP = "initech-idp";
    static final String PASSWORD = "bobs-own-password";

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given organization Evil with the verified domain ınitech.test (dotless ı) and its IdP, JIT on")
    class LookAlikeDomain {

        SamlBrokerFixture fixture;
        String evil;

        @BeforeAll
        void setUp() {
            fixture = TrustBoundariesIT.fixture("db-lookalike", true);
            evil = fixture.createOrganization("evil", "ınitech.test");
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("Evil's IdP asserting bob@initech.test does not take over Bob's verified account, nor makes him Evil's member")
        void lookAlikeDoesNotTakeOver() {
            String bob = fixture.createBrokerUser("bob-local", "bob@initech.test", true);
            fixture.setPassword(bob, PASSWORD);
            fixture.setEmailVerified(bob, true);
            fixture.idpUser("bob", IdpPerson.named("Victim", "Person").email("bob@initech.test").roles("developer"));

            LoginResult login = fixture.login("bob");

            Refused.withNothingWritten(fixture, login, "ACCOUNT_EXISTS_UNTRUSTED", bob);
            assertThat(fixture.isOrganizationMember(evil, "bob-local")).isFalse();
            assertThat(fixture.brokerUser("bob")).as("no second account").isNull();
            assertThat(fixture.passwordSignInWorks("bob-local", PASSWORD)).isTrue();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given Initech's own IdP and verified domain initech.test, and an IdP of no organization without Trust email")
    class ClaimedDomain {

        SamlBrokerFixture fixture;
        String initech;

        @BeforeAll
        void setUp() {
            fixture = TrustBoundariesIT.fixture("db-claimed", true);
            fixture.addJitIdentityProvider(INITECH_IDP, TrustBoundariesIT.settings(true).build().toConfig());
            initech = fixture.createOrganization("initech", "initech.test", true, INITECH_IDP);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("the genuine domain still vouches: Bob's verified account is linked through Initech's IdP, with no page")
        void genuineDomainVouches() {
            String bob = fixture.createBrokerUser("bea-local", "bea@initech.test", true);
            fixture.setPassword(bob, PASSWORD);
            fixture.setEmailVerified(bob, true);
            fixture.idpUser("bea", IdpPerson.named("Victim", "Person").email("bea@initech.test").roles("developer"));

            LoginResult login = fixture.loginThrough(INITECH_IDP, "bea");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
            assertThat(fixture.federatedIdentities(bob)).extracting(link -> link.get("identityProvider")).containsExactly(INITECH_IDP);
            assertThat(fixture.isOrganizationMember(initech, "bea-local")).isTrue();
            assertThat(fixture.realmRolesOf(bob)).containsExactly("developer");
        }

        @Test
        @DisplayName("a squatter's IdP cannot create an account with an Initech address (EMAIL_DOMAIN_CLAIMED), so the owner is not locked out")
        void squatterCannotClaimTheDomain() {
            fixture.clearEvents();
            fixture.idpUser("newhire", IdpPerson.named("Victim", "Person").email("newhire@initech.test").roles("developer"));

            Refused.withNoAccount(fixture, fixture.login("newhire"), "EMAIL_DOMAIN_CLAIMED", "newhire");
            List<EventRepresentation> errors = fixture.events("IDENTITY_PROVIDER_FIRST_LOGIN_ERROR");
            assertThat(errors).extracting(event -> event.getDetails().get("jit_error")).containsExactly("EMAIL_DOMAIN_CLAIMED");

            LoginResult owner = fixture.loginThrough(INITECH_IDP, "newhire");
            assertThat(owner.isLoggedIn()).as("%s", owner).isTrue();
            String id = fixture.brokerUser("newhire").getId();
            assertThat(fixture.federatedIdentities(id)).extracting(link -> link.get("identityProvider")).containsExactly(INITECH_IDP);
            assertThat(fixture.isOrganizationMember(initech, "newhire")).isTrue();
        }

        @Test
        @DisplayName("a returning user of the other IdP whose address moves into initech.test keeps the old address (USER_EMAIL rejected)")
        void returningUserCannotMoveIntoTheDomain() {
            fixture.idpUser("rick", IdpPerson.named("Victim", "Person").email("rick@corp.test").roles("developer"));
            assertThat(fixture.login("rick").isLoggedIn()).isTrue();
            fixture.clearEvents();
            fixture.idpUser("rick", IdpPerson.named("Victim", "Person").email("rick@initech.test").roles("developer"));

            assertThat(fixture.login("rick").isLoggedIn()).isTrue();

            assertThat(fixture.brokerUser("rick").getEmail()).isEqualTo("rick@corp.test");
            assertThat(fixture.events("IDENTITY_PROVIDER_LOGIN")).extracting(event -> event.getDetails().get("jit_profile_rejected"))
                    .containsExactly("USER_EMAIL");
        }

        @Test
        @DisplayName("an IdP the administrator trusts for every address (Trust email, no organization) may claim it")
        void trustedIdpMayClaim() {
            fixture.trustEmail(SamlBrokerFixture.IDP_ALIAS, true);
            try {
                fixture.idpUser("tess", IdpPerson.named("Victim", "Person").email("tess@initech.test").roles("developer"));

                assertThat(fixture.login("tess").isLoggedIn()).isTrue();

                assertThat(fixture.brokerUser("tess").getEmail()).isEqualTo("tess@initech.test");
                assertThat(fixture.brokerUser("tess").isEmailVerified()).isTrue();
                assertThat(fixture.isOrganizationMember(initech, "tess")).isFalse();
            } finally {
                fixture.trustEmail(SamlBrokerFixture.IDP_ALIAS, false);
            }
        }
    }
}
