package io.jitprovisioning.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.jitprovisioning.admission.AccountFacts.CreatedBy;
import io.jitprovisioning.admission.AccountFacts.LinkToThisIdp;
import io.jitprovisioning.admission.AccountFacts.Membership;
import io.jitprovisioning.admission.AccountFacts.PendingFor;
import io.jitprovisioning.admission.LinkRequest.Match;
import io.jitprovisioning.refusal.JitError;

/** The linking rules alone, with accounts made up in memory: account state x what vouches x the result. */
class LinkRulesTest {

    /** An enabled account nobody can sign in to, with an unverified email, created an hour ago: an invitation. */
    static Account invitation() {
        return new Account(new AccountFacts(true, false, false, 0, LinkToThisIdp.NONE, false, Membership.NONE, false, false,
                3_600_000, CreatedBy.NOT_JIT, PendingFor.NONE));
    }

    /** A self-registered account: a password, an email never verified. */
    static Account squatter() {
        return invitation().with(f -> copy(f, b -> b.hasCredential = true));
    }

    static LinkRequest byEmail(boolean jitEnabled) {
        return new LinkRequest(Match.EMAIL, jitEnabled, false, false, false);
    }

    static LinkRequest orgDomain() {
        return new LinkRequest(Match.EMAIL, true, true, false, true);
    }

    static LinkRequest trustedEmail() {
        return new LinkRequest(Match.EMAIL, true, false, true, false);
    }

    static LinkRequest byUsername(boolean jitEnabled) {
        return new LinkRequest(Match.USERNAME, jitEnabled, false, false, false);
    }

    /** Invitation-only, through an identity provider of an organization, the account found by username. */
    static LinkRequest byUsernameThroughOrganization() {
        return new LinkRequest(Match.USERNAME, false, false, false, true);
    }

    static Stream<Arguments> table() {
        Account verifiedWithPassword = squatter().with(f -> copy(f, b -> b.emailVerified = true));
        Account linkedElsewhereVerified = invitation().with(f -> copy(f, b -> {
            b.linkedIdentityProviders = 1;
            b.emailVerified = true;
        }));
        Account linkedElsewhereUnverified = invitation().with(f -> copy(f, b -> b.linkedIdentityProviders = 1));
        Account member = squatter().with(f -> copy(f, b -> {
            b.membership = Membership.IDP_ORGANIZATION;
            b.emailVerified = true;
        }));
        Account credentiallessMember = invitation().with(f -> copy(f, b -> b.membership = Membership.IDP_ORGANIZATION));
        Account invitationInTheDomain = invitation().with(f -> copy(f, b -> b.emailInOrganizationDomain = true));
        return Stream.of(
                // pre-hijacked accounts: a squatter's password with the victim's unverified address
                Arguments.of("squatter, organization domain", squatter(), orgDomain(), LinkRule.UNVERIFIED_EMAIL_WITH_CREDENTIAL),
                Arguments.of("squatter, Trust email", squatter(), trustedEmail(), LinkRule.UNVERIFIED_EMAIL_WITH_CREDENTIAL),
                Arguments.of("squatter, invitation-only", squatter(), byEmail(false), LinkRule.UNVERIFIED_EMAIL_WITH_CREDENTIAL),
                Arguments.of("squatter found by username", squatter(), byUsername(false), LinkRule.USERNAME_MATCH_WITH_CREDENTIAL),
                Arguments.of("linked elsewhere, unverified", linkedElsewhereUnverified, trustedEmail(), LinkRule.UNVERIFIED_EMAIL_WITH_CREDENTIAL),
                // safe to hand over, but nothing vouches
                Arguments.of("invitation, JIT on, nothing vouches", invitation(), byEmail(true), LinkRule.NOT_VOUCHED_FOR),
                Arguments.of("invitation, Trust email but unverified", invitation(), trustedEmail(), LinkRule.NOT_VOUCHED_FOR),
                Arguments.of("verified with password, JIT off, nothing vouches", verifiedWithPassword, byEmail(false), LinkRule.NOT_VOUCHED_FOR),
                Arguments.of("invitation found by username, JIT on", invitation(), byUsername(true), LinkRule.NOT_VOUCHED_FOR),
                // borrowed invitations: through an organization's IdP, a username never crosses its boundary
                Arguments.of("another organization's invitation by username", invitation(), byUsernameThroughOrganization(),
                        LinkRule.INVITATION_OF_ANOTHER_ORGANIZATION),
                Arguments.of("the organization's invitation by username (email in its domain)", invitationInTheDomain,
                        byUsernameThroughOrganization(), LinkRule.INVITATION),
                // the good paths
                Arguments.of("invitation, organization domain", invitation(), orgDomain(), LinkRule.ORGANIZATION_DOMAIN),
                Arguments.of("verified with password, organization domain", verifiedWithPassword, orgDomain(), LinkRule.ORGANIZATION_DOMAIN),
                Arguments.of("verified with password, Trust email", verifiedWithPassword, trustedEmail(), LinkRule.TRUSTED_EMAIL),
                Arguments.of("linked elsewhere, verified, Trust email", linkedElsewhereVerified, trustedEmail(), LinkRule.TRUSTED_EMAIL),
                Arguments.of("invitation, invitation-only", invitation(), byEmail(false), LinkRule.INVITATION),
                Arguments.of("invitation found by username, invitation-only", invitation(), byUsername(false), LinkRule.INVITATION),
                Arguments.of("verified member with a password", member, byEmail(true), LinkRule.ORGANIZATION_MEMBER),
                Arguments.of("credentialless member found by username", credentiallessMember, byUsername(true), LinkRule.ORGANIZATION_MEMBER));
    }

    @ParameterizedTest(name = "{0}: {3}")
    @MethodSource("table")
    void decides(String description, Account account, LinkRequest request, LinkRule expected) {
        assertThat(LinkRules.decide(request, account.facts())).isEqualTo(expected);
    }

    @Nested
    @DisplayName("refusals that no proof lifts")
    class Refusals {

        @Test
        void adminAccountsAreNeverLinked() {
            Account admin = invitation().with(f -> copy(f, b -> {
                b.holdsAdminRole = true;
                b.membership = Membership.IDP_ORGANIZATION;
            }));
            assertThat(LinkRules.decide(orgDomain(), admin.facts())).isEqualTo(LinkRule.ADMIN_ACCOUNT);
            assertThat(LinkRules.decide(byEmail(false), admin.facts())).isEqualTo(LinkRule.ADMIN_ACCOUNT);
        }

        @Test
        void anotherOrganizationsMemberIsNeverLinked() {
            Account other = invitation().with(f -> copy(f, b -> b.membership = Membership.OTHER_ORGANIZATION));
            assertThat(LinkRules.decide(orgDomain(), other.facts())).isEqualTo(LinkRule.OTHER_ORGANIZATION);
            assertThat(LinkRules.decide(byEmail(false), other.facts())).isEqualTo(LinkRule.OTHER_ORGANIZATION);
        }

        @Test
        void anotherIdentityOfTheSameIdpOwnsTheAccount() {
            Account taken = invitation().with(f -> copy(f, b -> {
                b.linkToThisIdp = LinkToThisIdp.OTHER_IDENTITY;
                b.linkedIdentityProviders = 1;
                b.emailVerified = true;
            }));
            assertThat(LinkRules.decide(trustedEmail(), taken.facts())).isEqualTo(LinkRule.LINKED_TO_ANOTHER_IDENTITY);
        }

        @Test
        void aDisabledAccountStaysDisabled() {
            Account disabled = invitation().with(f -> copy(f, b -> b.enabled = false));
            LinkRule rule = LinkRules.decide(orgDomain(), disabled.facts());
            assertThat(rule).isEqualTo(LinkRule.ACCOUNT_DISABLED);
            assertThat(rule.refusal()).isEqualTo(JitError.ACCOUNT_DISABLED);
        }

        @Test
        void everyRefusingRuleHasACodeAndEveryLinkingRuleNone() {
            for (LinkRule rule : LinkRule.values()) {
                assertThat(rule.links()).as("%s", rule).isEqualTo(rule.refusal() == null);
            }
            assertThat(Stream.of(LinkRule.values()).filter(LinkRule::links))
                    .containsExactly(LinkRule.HALF_WRITTEN_ACCOUNT, LinkRule.ORGANIZATION_MEMBER, LinkRule.ORGANIZATION_DOMAIN,
                            LinkRule.TRUSTED_EMAIL, LinkRule.INVITATION);
        }
    }

    @Nested
    @DisplayName("an account the JIT step created for another identity")
    class ProvisionedForAnotherIdentity {

        Account createdFor(CreatedBy createdBy) {
            return invitation().with(f -> copy(f, b -> b.createdBy = createdBy));
        }

        @Test
        @DisplayName("before that identity's sign-in finished, nothing vouches for handing it to anyone else")
        void unfinishedIsNeverLinkedToAnyoneElse() {
            Account unfinished = createdFor(CreatedBy.ANOTHER_IDENTITY_UNFINISHED);
            Account member = unfinished.with(f -> copy(f, b -> {
                b.membership = Membership.IDP_ORGANIZATION;
                b.emailInOrganizationDomain = true;
            }));
            for (LinkRequest request : java.util.List.of(orgDomain(), trustedEmail(), byEmail(false), byUsername(false),
                    byUsernameThroughOrganization())) {
                assertThat(LinkRules.decide(request, unfinished.facts())).as("%s", request).isEqualTo(LinkRule.PROVISIONED_FOR_ANOTHER_IDENTITY);
                assertThat(LinkRules.decide(request, member.facts())).as("member, %s", request).isEqualTo(LinkRule.PROVISIONED_FOR_ANOTHER_IDENTITY);
            }
            assertThat(LinkRule.PROVISIONED_FOR_ANOTHER_IDENTITY.refusal()).isEqualTo(JitError.ACCOUNT_EXISTS_UNTRUSTED);
        }

        @Test
        @DisplayName("an account handed a moment ago to another identity, whose sign-in Keycloak has not finished, is handed to no one else")
        void handedToAnotherIdentityIsNotHandedAgain() {
            Account handed = invitation().with(f -> copy(f, b -> {
                b.pendingLink = PendingFor.ANOTHER_IDENTITY;
                b.membership = Membership.IDP_ORGANIZATION;
            }));
            for (LinkRequest request : java.util.List.of(orgDomain(), trustedEmail(), byEmail(false), byUsernameThroughOrganization())) {
                assertThat(LinkRules.decide(request, handed.facts())).as("%s", request).isEqualTo(LinkRule.BEING_LINKED_TO_ANOTHER_IDENTITY);
            }
            assertThat(LinkRule.BEING_LINKED_TO_ANOTHER_IDENTITY.refusal()).isEqualTo(JitError.TRY_AGAIN);
            Account mine = handed.with(f -> copy(f, b -> b.pendingLink = PendingFor.THIS_IDENTITY));
            assertThat(LinkRules.decide(orgDomain(), mine.facts())).as("its own sign-in, started again").isEqualTo(LinkRule.ORGANIZATION_MEMBER);
        }

        @Test
        @DisplayName("once that sign-in finished, the usual rules decide (a second IdP trusted for the verified email links)")
        void finishedFollowsTheUsualRules() {
            Account finished = createdFor(CreatedBy.ANOTHER_IDENTITY).with(f -> copy(f, b -> {
                b.linkedIdentityProviders = 1;
                b.emailVerified = true;
            }));
            assertThat(LinkRules.decide(trustedEmail(), finished.facts())).isEqualTo(LinkRule.TRUSTED_EMAIL);
            assertThat(LinkRules.decide(byEmail(false), finished.facts())).isEqualTo(LinkRule.NOT_VOUCHED_FOR);
        }
    }

    @Nested
    @DisplayName("an account the JIT step created for this very identity")
    class ProvisionedForThisIdentity {

        Account created(long ageMillis) {
            return invitation().with(f -> copy(f, b -> {
                b.createdBy = CreatedBy.THIS_IDENTITY;
                b.ageMillis = ageMillis;
            }));
        }

        @Test
        void aMomentAgoAConcurrentSignInIsFinishingIt() {
            assertThat(LinkRules.decide(byEmail(true), created(500).facts())).isEqualTo(LinkRule.BEING_PROVISIONED);
        }

        @Test
        void aMomentAgoWithASessionButNoLinkSeenYetTheOtherSignInHasJustFinished() {
            // The link and the sessions are read one after the other: the winner of a race may finish in between.
            Account finished = created(500).with(f -> copy(f, b -> b.hasSessions = true));
            LinkRule rule = LinkRules.decide(byEmail(true), finished.facts());
            assertThat(rule).isEqualTo(LinkRule.BEING_PROVISIONED);
            assertThat(rule.links()).as("nothing is linked").isFalse();
            assertThat(rule.refusal()).isEqualTo(JitError.TRY_AGAIN);
        }

        @Test
        void minutesAgoWithNoCredentialLinkOrSessionItIsRecovered() {
            assertThat(LinkRules.decide(byEmail(true), created(60_000).facts())).isEqualTo(LinkRule.HALF_WRITTEN_ACCOUNT);
        }

        @Test
        void theRecoveryIsNoWayAroundTheRules() {
            LinkRequest request = byEmail(true);
            assertThat(LinkRules.decide(request, created(LinkRules.RECOVERY_WINDOW_MILLIS + 1).facts()))
                    .as("too old").isEqualTo(LinkRule.NOT_VOUCHED_FOR);
            assertThat(LinkRules.decide(request, created(60_000).with(f -> copy(f, b -> b.hasSessions = true)).facts()))
                    .as("someone is signed in to it").isEqualTo(LinkRule.NOT_VOUCHED_FOR);
            assertThat(LinkRules.decide(request, created(LinkRules.PROVISIONING_WINDOW_MILLIS).with(f -> copy(f, b -> b.hasSessions = true)).facts()))
                    .as("signed in, then unlinked").isEqualTo(LinkRule.NOT_VOUCHED_FOR);
            assertThat(LinkRules.decide(request, created(60_000).with(f -> copy(f, b -> b.hasCredential = true)).facts()))
                    .as("it has a password").isEqualTo(LinkRule.UNVERIFIED_EMAIL_WITH_CREDENTIAL);
            assertThat(LinkRules.decide(request, created(60_000).with(f -> copy(f, b -> b.linkedIdentityProviders = 1)).facts()))
                    .as("it is linked to another IdP").isEqualTo(LinkRule.UNVERIFIED_EMAIL_WITH_CREDENTIAL);
        }

        @Test
        void linkedAMomentAgoToTheSameIdentityIsARace() {
            Account linked = created(60_000).with(f -> copy(f, b -> {
                b.linkToThisIdp = LinkToThisIdp.SAME_IDENTITY;
                b.linkedIdentityProviders = 1;
            }));
            assertThat(LinkRules.decide(byEmail(true), linked.facts()).refusal()).isEqualTo(JitError.TRY_AGAIN);
        }
    }

    /** An account's facts, changed one field at a time. */
    record Account(AccountFacts facts) {
        Account with(UnaryOperator<AccountFacts> change) {
            return new Account(change.apply(facts));
        }
    }

    private static final class Fields {
        boolean enabled;
        boolean emailVerified;
        boolean hasCredential;
        int linkedIdentityProviders;
        LinkToThisIdp linkToThisIdp;
        boolean holdsAdminRole;
        Membership membership;
        boolean emailInOrganizationDomain;
        boolean hasSessions;
        long ageMillis;
        CreatedBy createdBy;
        PendingFor pendingLink;
    }

    static AccountFacts copy(AccountFacts facts, java.util.function.Consumer<Fields> change) {
        Fields b = new Fields();
        b.enabled = facts.enabled();
        b.emailVerified = facts.emailVerified();
        b.hasCredential = facts.hasCredential();
        b.linkedIdentityProviders = facts.linkedIdentityProviders();
        b.linkToThisIdp = facts.linkToThisIdp();
        b.holdsAdminRole = facts.holdsAdminRole();
        b.membership = facts.membership();
        b.emailInOrganizationDomain = facts.emailInOrganizationDomain();
        b.hasSessions = facts.hasSessions();
        b.ageMillis = facts.ageMillis();
        b.createdBy = facts.createdBy();
        b.pendingLink = facts.pendingLink();
        change.accept(b);
        return new AccountFacts(b.enabled, b.emailVerified, b.hasCredential, b.linkedIdentityProviders, b.linkToThisIdp,
                b.holdsAdminRole, b.membership, b.emailInOrganizationDomain, b.hasSessions, b.ageMillis, b.createdBy,
                b.pendingLink);
    }
}
