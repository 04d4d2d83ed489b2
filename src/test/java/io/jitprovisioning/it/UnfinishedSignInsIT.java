package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;
import io.jitprovisioning.testsupport.SamlLogin.Paused;

/**
 * First sign-ins whose browser stops where Keycloak is about to add the link ({@code /broker/after-first-broker-login})
 * and comes back later. The JIT step decides an account in one request and Keycloak links it in another: one account
 * must never end up with two identities, whatever the order of two sign-ins and a replay.
 */
@DisplayName("Unfinished sign-ins: an account handed to one identity is never handed to another, in any order")
class UnfinishedSignInsIT {

    static final String CORP_IDP = "corp-org-idp";
    static final String SECOND_CORP_IDP = "corp-second-idp";
    /** A short login timeout for the realm, so that moving Keycloak's clock past it expires no one's session. */
    static final int LOGIN_TIMEOUT_SECONDS = 60;

    static List<Object> idpsOf(SamlBrokerFixture fixture, String userId) {
        return fixture.federatedIdentities(userId).stream().map(link -> link.get("identityProvider")).toList();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given X's IdP (no organization, Trust email on) and Corp's IdP (organization corp, verified corp.test)")
    class CreatedForAnotherIdentity {

        SamlBrokerFixture fixture;
        String corp;

        @BeforeAll
        void setUp() {
            fixture = TrustBoundariesIT.fixture("us-created", true);
            fixture.trustEmail(SamlBrokerFixture.IDP_ALIAS, true);
            fixture.addJitIdentityProvider(CORP_IDP, TrustBoundariesIT.settings(true).build().toConfig());
            corp = fixture.createOrganization("corp", "corp.test", true, CORP_IDP);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("X's account, created and not linked yet, is no invitation for Corp's user; X finishes, and X alone is linked")
        void unfinishedAccountBelongsToItsIdentity() {
            fixture.idpUser("victim", IdpPerson.named("Victim", "Person").email("victim@corp.test").roles("developer"));
            Paused x = fixture.samlLogin().loginUntilTheLink("victim", SamlBrokerFixture.PASSWORD);
            assertThat(x.reachedTheLink()).as("X stopped before Keycloak links").isTrue();
            String account = fixture.brokerUser("victim").getId();
            assertThat(fixture.federatedIdentities(account)).as("not linked yet").isEmpty();

            LoginResult victim = fixture.loginThrough(CORP_IDP, "victim");

            Refused.withCode(victim, "ACCOUNT_EXISTS_UNTRUSTED");
            assertThat(fixture.federatedIdentities(account)).as("links").isEmpty();
            assertThat(fixture.sessionsOf(account)).as("sessions").isEmpty();
            assertThat(fixture.grantedRoles(account)).as("provenance").doesNotContainKey(CORP_IDP);
            assertThat(fixture.isOrganizationMember(corp, "victim")).isFalse();

            LoginResult finished = x.resume();
            assertThat(finished.isLoggedIn()).as("%s", finished).isTrue();
            assertThat(idpsOf(fixture, account)).containsExactly(SamlBrokerFixture.IDP_ALIAS);

            LoginResult replay = x.resume();
            assertThat(replay.isLoggedIn()).as("the link URL again, after it was used: %s", replay).isFalse();
            assertThat(idpsOf(fixture, account)).containsExactly(SamlBrokerFixture.IDP_ALIAS);
            assertThat(fixture.sessionsOf(account)).as("only X's sign-in").hasSize(1);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given an invitation in corp.test and two IdPs of the organization corp that both vouch for it")
    class TwoIdentitiesOneInvitation {

        SamlBrokerFixture fixture;
        String corp;

        @BeforeAll
        void setUp() {
            fixture = TrustBoundariesIT.fixture("us-invite", true);
            fixture.addJitIdentityProvider(SECOND_CORP_IDP, TrustBoundariesIT.settings(true).build().toConfig());
            corp = fixture.createOrganization("corp", "corp.test", true, SamlBrokerFixture.IDP_ALIAS);
            fixture.linkToOrganization(corp, SECOND_CORP_IDP);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @ParameterizedTest(name = "{0} first")
        @ValueSource(strings = {SamlBrokerFixture.IDP_ALIAS, SECOND_CORP_IDP})
        @DisplayName("while one identity's sign-in is unfinished, the other is refused with TRY_AGAIN and writes nothing; the first finishes")
        void oneAtATime(String first) {
            String second = first.equals(SECOND_CORP_IDP) ? SamlBrokerFixture.IDP_ALIAS : SECOND_CORP_IDP;
            String name = "ann-" + first;
            String invited = fixture.createBrokerUser(name + "-local", name + "@corp.test", true);
            fixture.idpUser(name, IdpPerson.named("Victim", "Person").email(name + "@corp.test").roles("developer"));
            Paused paused = fixture.samlLogin(first).loginUntilTheLink(name, SamlBrokerFixture.PASSWORD);
            assertThat(paused.reachedTheLink()).isTrue();

            LoginResult other = fixture.loginThrough(second, name);

            Refused.withCode(other, "TRY_AGAIN");
            assertThat(fixture.federatedIdentities(invited)).as("links").isEmpty();
            assertThat(fixture.sessionsOf(invited)).as("sessions").isEmpty();
            assertThat(fixture.grantedRoles(invited)).as("provenance").doesNotContainKey(second);

            LoginResult finished = paused.resume();
            assertThat(finished.isLoggedIn()).as("%s", finished).isTrue();
            assertThat(idpsOf(fixture, invited)).containsExactly(first);
            assertThat(fixture.sessionsOf(invited)).hasSize(1);
        }

        @Test
        @DisplayName("once the realm's login timeout has passed, an unfinished sign-in no longer holds the invitation: the other identity takes it")
        void anUnfinishedSignInLetsGoAfterTheLoginTimeout() {
            String realm = "/" + fixture.brokerRealm();
            fixture.admin().put(realm, map("accessCodeLifespanLogin", LOGIN_TIMEOUT_SECONDS)).expect(204);
            try {
                String invited = fixture.createBrokerUser("ivy-local", "ivy@corp.test", true);
                fixture.idpUser("ivy", IdpPerson.named("Victim", "Person").email("ivy@corp.test").roles("developer"));
                Paused paused = fixture.samlLogin().loginUntilTheLink("ivy", SamlBrokerFixture.PASSWORD);
                assertThat(paused.reachedTheLink()).isTrue();

                // Keycloak's link URL of the unfinished sign-in has expired a second before this one starts.
                LoginResult other = SharedKeycloak.clock().ahead(Duration.ofSeconds(LOGIN_TIMEOUT_SECONDS + 1),
                        () -> fixture.loginThrough(SECOND_CORP_IDP, "ivy"));

                assertThat(other.isLoggedIn()).as("%s", other).isTrue();
                assertThat(idpsOf(fixture, invited)).containsExactly(SECOND_CORP_IDP);
            } finally {
                fixture.admin().put(realm, map("accessCodeLifespanLogin", 1800)).expect(204);
            }
        }

        @Test
        @DisplayName("a link added meanwhile by other means stops the unfinished sign-in: its link and session are rolled back")
        void aLinkMadeMeanwhileStopsTheUnfinishedOne() {
            String invited = fixture.createBrokerUser("hal-local", "hal@corp.test", true);
            fixture.idpUser("hal", IdpPerson.named("Victim", "Person").email("hal@corp.test").roles("developer"));
            Paused paused = fixture.samlLogin().loginUntilTheLink("hal", SamlBrokerFixture.PASSWORD);
            fixture.linkByHand(invited, SECOND_CORP_IDP, "someone-else");

            LoginResult finished = paused.resume();

            assertThat(idpsOf(fixture, invited)).as("only the link made by hand").containsExactly(SECOND_CORP_IDP);
            assertThat(fixture.sessionsOf(invited)).as("sessions").isEmpty();
            assertThat(finished.isLoggedIn()).as("Keycloak's redirect to the application, with a code: %s", finished).isTrue();
            assertThat(fixture.tokenStatus(finished)).as("the code leads to no session").isEqualTo(400);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given an account the JIT step created for a sign-in that never finished (a closed browser, a crashed node); Trust email off")
    class AbandonedAccount {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = TrustBoundariesIT.fixture("us-abandoned", true);
            fixture.trustEmail(SamlBrokerFixture.IDP_ALIAS, false);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        private String abandon(String username) {
            fixture.idpUser(username, IdpPerson.named("Victim", "Person").email(username + "@corp.test").roles("developer"));
            Paused abandoned = fixture.samlLogin().loginUntilTheLink(username, SamlBrokerFixture.PASSWORD);
            assertThat(abandoned.reachedTheLink()).as("stopped before Keycloak links").isTrue();
            return fixture.brokerUser(username).getId();
        }

        @Test
        @DisplayName("3 s to 5 minutes after its creation, the same identity takes it over and signs in")
        void recoveredWithinFiveMinutes() {
            String account = abandon("abe");

            LoginResult back = SharedKeycloak.clock().ahead(Duration.ofSeconds(3), () -> fixture.login("abe"));

            assertThat(back.isLoggedIn()).as("%s", back).isTrue();
            assertThat(idpsOf(fixture, account)).containsExactly(SamlBrokerFixture.IDP_ALIAS);
        }

        @Test
        @DisplayName("5 minutes after its creation, it is an account like any other: the same identity, unvouched for, is refused")
        void notRecoveredAfterFiveMinutes() {
            String account = abandon("ada");

            LoginResult back = SharedKeycloak.clock().ahead(Duration.ofMinutes(5), () -> fixture.login("ada"));

            Refused.withCode(back, "ACCOUNT_EXISTS_UNTRUSTED");
            assertThat(fixture.federatedIdentities(account)).as("links").isEmpty();
            assertThat(fixture.sessionsOf(account)).as("sessions").isEmpty();
        }
    }
}
