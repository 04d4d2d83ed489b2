package io.jitprovisioning.it;

import static io.jitprovisioning.it.TrustBoundariesIT.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
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
            fixture.idpUser("victim", person("victim@corp.test", "developer"));
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
            fixture.idpUser(name, person(name + "@corp.test", "developer"));
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
        @DisplayName("a link added meanwhile by other means stops the unfinished sign-in: its link and session are rolled back")
        void aLinkMadeMeanwhileStopsTheUnfinishedOne() {
            String invited = fixture.createBrokerUser("hal-local", "hal@corp.test", true);
            fixture.idpUser("hal", person("hal@corp.test", "developer"));
            Paused paused = fixture.samlLogin().loginUntilTheLink("hal", SamlBrokerFixture.PASSWORD);
            fixture.linkByHand(invited, SECOND_CORP_IDP, "someone-else");

            LoginResult finished = paused.resume();

            assertThat(idpsOf(fixture, invited)).as("only the link made by hand").containsExactly(SECOND_CORP_IDP);
            assertThat(fixture.sessionsOf(invited)).as("sessions").isEmpty();
            assertThat(finished.isLoggedIn()).as("Keycloak's redirect to the application, with a code: %s", finished).isTrue();
            assertThat(fixture.tokenStatus(finished)).as("the code leads to no session").isEqualTo(400);
        }
    }
}
