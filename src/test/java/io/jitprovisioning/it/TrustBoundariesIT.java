package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

/**
 * The attacks of the pre-hijacked-account study (Sudhodanan and Paverd, USENIX Security 2022) against automatic
 * linking, and the provenance rules, through real signed SAML. Every refusal is checked for "nothing written".
 */
@DisplayName("Trust boundaries: linking takes proof, provenance is per identity provider, the administrator's hand wins")
class TrustBoundariesIT {

    static final String SECOND_IDP = "second-idp";
    static final String SQUATTER_PASSWORD = "squatter-password";

    static JitSettingsBuilder settings(boolean jitEnabled) {
        return JitSettings.builder().set(JitConfigProperties.JIT_ENABLED, jitEnabled).set(JitConfigProperties.DEFAULT_ROLE, "support").set(JitConfigProperties.IDP_MANAGED_ROLES, true)
                .map("role", AttributeTarget.USER_ROLE).map("firstName", AttributeTarget.USER_FIRST_NAME)
                .map("lastName", AttributeTarget.USER_LAST_NAME).map("email", AttributeTarget.USER_EMAIL);
    }

    static SamlBrokerFixture fixture(String name, boolean jitEnabled) {
        SamlBrokerFixture fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), name, settings(jitEnabled).build().toConfig());
        for (String role : List.of("support", "developer", "tester", "manager")) {
            fixture.createRealmRole(role);
        }
        return fixture;
    }

    /** An account someone registered with a password and the victim's address, never verified. */
    static String squatter(SamlBrokerFixture fixture, String username, String email) {
        String id = fixture.createBrokerUser(username, email, true);
        fixture.setPassword(id, SQUATTER_PASSWORD);
        return id;
    }

    static void assertRefusedWithNothingWritten(SamlBrokerFixture fixture, LoginResult login, String accountId) {
        Refused.withNothingWritten(fixture, login, "ACCOUNT_EXISTS_UNTRUSTED", accountId);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given an IdP of an organization that owns the verified domain acme.test, Trust email off")
    class OrganizationDomain {

        SamlBrokerFixture fixture;
        String organizationId;

        @BeforeAll
        void setUp() {
            fixture = fixture("tb-org", true);
            organizationId = fixture.createOrganization("acme", "acme.test");
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("a squatter's account with a password and the victim's unverified address is not linked; its password still works")
        void squatterIsNotLinked() {
            String squatter = squatter(fixture, "squatter", "victim@acme.test");
            fixture.idpUser("victim", IdpPerson.named("Victim", "Person").email("victim@acme.test").roles("developer"));

            LoginResult login = fixture.login("victim");

            assertRefusedWithNothingWritten(fixture, login, squatter);
            assertThat(fixture.isOrganizationMember(organizationId, "squatter")).isFalse();
            assertThat(fixture.brokerUser("victim")).isNull();
            assertThat(fixture.passwordSignInWorks("squatter", SQUATTER_PASSWORD)).isTrue();
        }

        @Test
        @DisplayName("an account that is realm-admin only through a parent group (/ops -> /ops/oncall) is not linked")
        void adminThroughParentGroup() {
            String ops = fixture.createGroup(null, "ops");
            String oncall = fixture.createGroup(ops, "oncall");
            fixture.grantGroupClientRole(ops, "realm-management", "realm-admin");
            String account = fixture.createBrokerUser("oncall-admin", "oncall@acme.test", true);
            fixture.joinGroup(account, oncall);
            fixture.idpUser("oncall", IdpPerson.named("Victim", "Person").email("oncall@acme.test").roles("developer"));

            LoginResult login = fixture.login("oncall");

            assertRefusedWithNothingWritten(fixture, login, account);
            assertThat(fixture.isOrganizationMember(organizationId, "oncall-admin")).isFalse();
        }

        @Test
        @DisplayName("an email outside the organization's domains never links the verified account that holds it, nor makes a second one")
        void emailOutsideTheDomainsDoesNotMatch() {
            String outsider = fixture.createBrokerUser("outsider-local", "outsider@elsewhere.test", true);
            fixture.setEmailVerified(outsider, true);
            fixture.idpUser("outsider", IdpPerson.named("Victim", "Person").email("outsider@elsewhere.test").roles("developer"));

            assertRefusedWithNothingWritten(fixture, fixture.login("outsider"), outsider);
            assertThat(fixture.isOrganizationMember(organizationId, "outsider-local")).isFalse();
            assertThat(fixture.brokerUser("outsider")).isNull();
        }

        @Test
        @DisplayName("an invited account with no credential and an address in the verified domain is linked, with no page")
        void invitationInTheDomainIsLinked() {
            String invited = fixture.createBrokerUser("ines-local", "ines@acme.test", true);
            fixture.idpUser("ines", IdpPerson.named("Victim", "Person").email("ines@acme.test").roles("developer"));

            LoginResult login = fixture.login("ines");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
            assertThat(fixture.federatedIdentities(invited)).hasSize(1);
            assertThat(fixture.realmRolesOf(invited)).containsExactly("developer");
            assertThat(fixture.isOrganizationMember(organizationId, "ines-local")).isTrue();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given an IdP of an organization whose domain acme.test is not marked verified")
    class UnverifiedDomain {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("tb-unverified", true);
            fixture.createOrganization("acme", "acme.test", false, SamlBrokerFixture.IDP_ALIAS);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("the domain vouches for nobody: an invited account with an address there is not linked")
        void unverifiedDomainDoesNotVouch() {
            String invited = fixture.createBrokerUser("uli-local", "uli@acme.test", true);
            fixture.idpUser("uli", IdpPerson.named("Victim", "Person").email("uli@acme.test").roles("developer"));

            assertRefusedWithNothingWritten(fixture, fixture.login("uli"), invited);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given an IdP with Trust email on and no organization")
    class TrustEmail {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("tb-trust", true);
            fixture.trustEmail(SamlBrokerFixture.IDP_ALIAS, true);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("a squatter's unverified account with a password is not linked; its password still works")
        void squatterIsNotLinked() {
            String squatter = squatter(fixture, "squatter", "tina@corp.test");
            fixture.idpUser("tina", IdpPerson.named("Victim", "Person").email("tina@corp.test").roles("developer"));

            assertRefusedWithNothingWritten(fixture, fixture.login("tina"), squatter);
            assertThat(fixture.passwordSignInWorks("squatter", SQUATTER_PASSWORD)).isTrue();
        }

        @Test
        @DisplayName("an account with no credential but an unverified address is not vouched for by Trust email")
        void unverifiedInvitationIsNotVouched() {
            String invited = fixture.createBrokerUser("vera-local", "vera@corp.test", true);
            fixture.idpUser("vera", IdpPerson.named("Victim", "Person").email("vera@corp.test").roles("developer"));

            assertRefusedWithNothingWritten(fixture, fixture.login("vera"), invited);
        }

        @Test
        @DisplayName("an invited account with a password and a verified address is linked, with no page")
        void verifiedAccountIsLinked() {
            String account = fixture.createBrokerUser("walt-local", "walt@corp.test", true);
            fixture.setPassword(account, "walts-own");
            fixture.setEmailVerified(account, true);
            fixture.idpUser("walt", IdpPerson.named("Victim", "Person").email("walt@corp.test").roles("developer"));

            LoginResult login = fixture.login("walt");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
            assertThat(fixture.federatedIdentities(account)).hasSize(1);
            assertThat(fixture.realmRolesOf(account)).containsExactly("developer");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given JIT off (invitation only)")
    class InvitationOnly {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("tb-invite", false);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("a self-registered account with a password is not an invitation; its password still works")
        void selfRegisteredIsNotAnInvitation() {
            String squatter = squatter(fixture, "squatter", "xavi@corp.test");
            fixture.idpUser("xavi", IdpPerson.named("Victim", "Person").email("xavi@corp.test").roles("developer"));

            assertRefusedWithNothingWritten(fixture, fixture.login("xavi"), squatter);
            assertThat(fixture.passwordSignInWorks("squatter", SQUATTER_PASSWORD)).isTrue();
        }

        @Test
        @DisplayName("an account found by username alone that has a password is not linked")
        void usernameAloneProvesNothing() {
            String account = fixture.createBrokerUser("yann", "yann@old.test", true);
            fixture.setPassword(account, "yanns-own");
            fixture.setEmailVerified(account, true);
            fixture.idpUser("yann", IdpPerson.named("Victim", "Person").email("yann@new.test").roles("developer"));

            assertRefusedWithNothingWritten(fixture, fixture.login("yann"), account);
        }

        @Test
        @DisplayName("an invitation with no credential is linked, with no page")
        void credentiallessInvitationIsLinked() {
            String invited = fixture.createBrokerUser("zara-local", "zara@corp.test", true);
            fixture.idpUser("zara", IdpPerson.named("Victim", "Person").email("zara@corp.test").roles("developer"));

            LoginResult login = fixture.login("zara");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
            assertThat(fixture.federatedIdentities(invited)).hasSize(1);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given two identity providers of two organizations, both with Trust email on")
    class TwoOrganizations {

        SamlBrokerFixture fixture;
        String alpha;
        String beta;

        @BeforeAll
        void setUp() {
            fixture = fixture("tb-orgs", true);
            fixture.addJitIdentityProvider(SECOND_IDP, settings(true).build().toConfig());
            fixture.trustEmail(SamlBrokerFixture.IDP_ALIAS, true);
            fixture.trustEmail(SECOND_IDP, true);
            alpha = fixture.createOrganization("alpha", "alpha.test", true, SamlBrokerFixture.IDP_ALIAS);
            beta = fixture.createOrganization("beta", "beta.test", true, SECOND_IDP);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("an address inside the IdP's verified domains is stored verified")
        void trustedAddressIsVerified() {
            fixture.idpUser("nina", IdpPerson.named("Victim", "Person").email("nina@alpha.test").roles("developer"));

            assertThat(fixture.login("nina").isLoggedIn()).isTrue();

            assertThat(fixture.brokerUser("nina").isEmailVerified()).isTrue();
        }

        @Test
        @DisplayName("org A's IdP cannot prepare an account for org B: an address in B's verified domain is refused with "
                + "EMAIL_DOMAIN_CLAIMED, no account made; B's user then signs in through B's IdP")
        void hostileIdpCannotPrepareAnAccount() {
            fixture.idpUser("mole", IdpPerson.named("Victim", "Person").email("mole@beta.test").roles("developer"));

            Refused.withNoAccount(fixture, fixture.login("mole"), "EMAIL_DOMAIN_CLAIMED", "mole");

            LoginResult owner = fixture.loginThrough(SECOND_IDP, "mole");
            assertThat(owner.isLoggedIn()).as("%s", owner).isTrue();
            String id = fixture.brokerUser("mole").getId();
            assertThat(fixture.federatedIdentities(id)).extracting(link -> link.get("identityProvider")).containsExactly(SECOND_IDP);
            assertThat(fixture.isOrganizationMember(beta, "mole")).isTrue();
            assertThat(fixture.isOrganizationMember(alpha, "mole")).isFalse();
            assertThat(fixture.brokerUser("mole").isEmailVerified()).isTrue();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given two identity providers managing the roles of one account")
    class TwoIdentityProviders {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("tb-two", true);
            // The same IdP realm feeds both; the second IdP's table turns "developer" into "tester", so each wants its own role.
            fixture.addJitIdentityProvider(SECOND_IDP, settings(true).roleValue("developer", "tester").build().toConfig());
            fixture.trustEmail(SamlBrokerFixture.IDP_ALIAS, true);
            fixture.trustEmail(SECOND_IDP, true);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("each IdP grants and revokes only its own roles; a role both want stays while either still wants it")
        void eachKeepsItsOwn() {
            fixture.idpUser("dual", IdpPerson.named("Victim", "Person").email("dual@corp.test").roles("developer"));
            assertThat(fixture.login("dual").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("dual").getId();
            LoginResult second = fixture.loginThrough(SECOND_IDP, "dual");
            assertThat(second.isLoggedIn()).as("the second IdP is linked through the verified address: %s", second).isTrue();
            assertThat(fixture.federatedIdentities(id)).hasSize(2);

            assertThat(fixture.login("dual").isLoggedIn()).isTrue();
            assertThat(fixture.loginThrough(SECOND_IDP, "dual").isLoggedIn()).isTrue();
            assertThat(fixture.realmRolesOf(id)).containsExactly("developer", "tester");
            assertThat(fixture.grantedRoles(id)).isEqualTo(Map.of(SamlBrokerFixture.IDP_ALIAS, List.of("developer"), SECOND_IDP, List.of("tester")));

            fixture.idpUser("dual", IdpPerson.named("Victim", "Person").email("dual@corp.test").roles("manager"));
            assertThat(fixture.login("dual").isLoggedIn()).isTrue();
            assertThat(fixture.loginThrough(SECOND_IDP, "dual").isLoggedIn()).isTrue();
            assertThat(fixture.realmRolesOf(id)).containsExactly("manager");

            fixture.idpUser("dual", IdpPerson.named("Victim", "Person").email("dual@corp.test").roles("developer"));
            assertThat(fixture.login("dual").isLoggedIn()).isTrue();
            assertThat(fixture.realmRolesOf(id)).as("the second IdP still wants manager").containsExactly("developer", "manager");
            assertThat(fixture.loginThrough(SECOND_IDP, "dual").isLoggedIn()).isTrue();
            assertThat(fixture.realmRolesOf(id)).containsExactly("developer", "tester");
        }

        @Test
        @DisplayName("a role the administrator removed and granted again by hand is never revoked by a later sign-in")
        void handGrantWins() {
            fixture.idpUser("hank", IdpPerson.named("Victim", "Person").email("hank@corp.test").roles("developer"));
            assertThat(fixture.login("hank").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("hank").getId();
            fixture.removeRealmRole(id, "developer");
            fixture.grantRealmRole(id, "developer");

            fixture.idpUser("hank", IdpPerson.named("Victim", "Person").email("hank@corp.test").roles("manager"));
            assertThat(fixture.login("hank").isLoggedIn()).isTrue();

            assertThat(fixture.realmRolesOf(id)).containsExactly("developer", "manager");
            assertThat(fixture.grantedRoles(id)).isEqualTo(Map.of(SamlBrokerFixture.IDP_ALIAS, List.of("manager")));
        }

        @Test
        @DisplayName("a role the administrator removed comes back at the next sign-in only because the IdP still sends it")
        void handRemovalComesBackOnlyIfSent() {
            fixture.idpUser("iris", IdpPerson.named("Victim", "Person").email("iris@corp.test").roles("developer"));
            assertThat(fixture.login("iris").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("iris").getId();

            fixture.removeRealmRole(id, "developer");
            assertThat(fixture.login("iris").isLoggedIn()).isTrue();
            assertThat(fixture.realmRolesOf(id)).containsExactly("developer");

            fixture.removeRealmRole(id, "developer");
            fixture.idpUser("iris", IdpPerson.named("Victim", "Person").email("iris@corp.test").roles("manager"));
            assertThat(fixture.login("iris").isLoggedIn()).isTrue();
            assertThat(fixture.realmRolesOf(id)).containsExactly("manager");
        }

        @Test
        @DisplayName("within 3 s of the account's creation, a sign-in of the same identity that finds it unlinked gets TRY_AGAIN and writes nothing")
        void aMomentAfterCreationNothingIsLinked() {
            fixture.idpUser("rita", IdpPerson.named("Victim", "Person").email("rita@corp.test").roles("developer"));
            assertThat(fixture.login("rita").isLoggedIn()).isTrue();
            UserRepresentation rita = fixture.brokerUser("rita");
            String id = rita.getId();
            fixture.unlink(id, SamlBrokerFixture.IDP_ALIAS);
            fixture.idpUser("rita", IdpPerson.named("Victim", "Person").email("rita@corp.test").roles("manager"));
            int sessions = fixture.sessionsOf(id).size();
            Map<String, List<String>> provenance = fixture.grantedRoles(id);

            // Keycloak's clock back to the account's creation: the sign-in comes a moment after it, however slow the machine.
            LoginResult again = SharedKeycloak.clock().from(rita.getCreatedTimestamp(), () -> fixture.login("rita"));

            assertThat(again.jitErrorCode()).as("%s", again).isEqualTo("TRY_AGAIN");
            assertThat(fixture.federatedIdentities(id)).as("links").isEmpty();
            assertThat(fixture.realmRolesOf(id)).as("roles: manager not granted").containsExactly("developer");
            assertThat(fixture.grantedRoles(id)).as("provenance").isEqualTo(provenance);
            assertThat(fixture.sessionsOf(id)).as("sessions: only the first sign-in's").hasSize(sessions);
        }

        @Test
        @DisplayName("after an administrator removes the link, the next sign-in is a first sign-in under the linking rules")
        void unlinkingSticks() {
            fixture.trustEmail(SamlBrokerFixture.IDP_ALIAS, false);
            try {
                fixture.idpUser("ursula", IdpPerson.named("Victim", "Person").email("ursula@corp.test").roles("developer"));
                assertThat(fixture.login("ursula").isLoggedIn()).isTrue();
                String id = fixture.brokerUser("ursula").getId();
                fixture.unlink(id, SamlBrokerFixture.IDP_ALIAS);
                fixture.idpUser("ursula", IdpPerson.named("Victim", "Person").email("ursula@corp.test").roles("manager"));
                int sessions = fixture.sessionsOf(id).size();
                Map<String, List<String>> provenance = fixture.grantedRoles(id);

                // Under 3 s old, a sign-in of this identity is taken for a racing one and gets TRY_AGAIN (nothing linked
                // either: aMomentAfterCreationNothingIsLinked); 3 s later by Keycloak's clock, the linking rules alone decide.
                LoginResult again = SharedKeycloak.clock().ahead(Duration.ofSeconds(3), () -> fixture.login("ursula"));

                assertThat(again.jitErrorCode()).as("%s", again).isEqualTo("ACCOUNT_EXISTS_UNTRUSTED");
                assertThat(fixture.federatedIdentities(id)).as("links").isEmpty();
                assertThat(fixture.realmRolesOf(id)).as("roles: manager not granted").containsExactly("developer");
                assertThat(fixture.grantedRoles(id)).as("provenance").isEqualTo(provenance);
                assertThat(fixture.sessionsOf(id)).as("sessions: only the first sign-in's").hasSize(sessions);
            } finally {
                fixture.trustEmail(SamlBrokerFixture.IDP_ALIAS, true);
            }
        }
    }
}
