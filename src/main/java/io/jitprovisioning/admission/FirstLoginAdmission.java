package io.jitprovisioning.admission;

import java.time.Clock;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.saml.ValueCleaner;

/**
 * Decides the first login of an identity that no account is linked to yet: create, link, or refuse. It only reads,
 * so the mapper can ask before the first-broker-login flow starts and the JIT step can ask again when it writes. The
 * linking rules' windows are measured on the clock it is given (Keycloak's, in a sign-in).
 */
public final class FirstLoginAdmission {

    private FirstLoginAdmission() {
    }

    public static SignInOutcome decide(KeycloakSession session, RealmModel realm, SigningIn person,
                                       Optional<OrganizationMembership> organization, ProvenanceStore provenance, Clock clock) {
        if (person.username() != null && !person.username().equals(ValueCleaner.text(person.username(), Integer.MAX_VALUE))) {
            // Control, zero-width or bidi characters, or odd spacing: a name that looks like another one.
            return SignInOutcome.Refuse.firstSignIn(JitError.INVALID_USERNAME, "USERNAME_NOT_CLEAN", null);
        }
        Optional<ExistingAccount> existing = ExistingAccount.find(session, realm, person.email(), person.username());
        if (existing.isEmpty()) {
            if (untrustedEmailInUse(session, realm, person.email())) {
                return SignInOutcome.Refuse.firstSignIn(JitError.ACCOUNT_EXISTS_UNTRUSTED, "UNTRUSTED_EMAIL_IN_USE", null);
            }
            if (person.email().claimedByAnotherOrganization()) {
                return SignInOutcome.Refuse.firstSignIn(JitError.EMAIL_DOMAIN_CLAIMED, "EMAIL_IN_ANOTHER_ORGANIZATION_DOMAIN", null);
            }
            if (!person.jitEnabled()) {
                return SignInOutcome.Refuse.firstSignIn(JitError.NOT_PROVISIONED, "NO_ACCOUNT_AND_JIT_OFF", null);
            }
            boolean hasUsername = person.username() != null && !person.username().isBlank();
            return hasUsername ? new SignInOutcome.Create(person.username())
                    : SignInOutcome.Refuse.firstSignIn(JitError.NOT_PROVISIONED, "NO_USERNAME", null);
        }
        ExistingAccount account = existing.get();
        if (account.isAmbiguous()) {
            return SignInOutcome.Refuse.firstSignIn(LinkRule.AMBIGUOUS_EMAIL.refusal(), LinkRule.AMBIGUOUS_EMAIL.name(), null);
        }
        AccountFacts facts = AccountFactsReader.read(session, realm, account.user(), person, organization, provenance, clock);
        LinkRequest request = new LinkRequest(account.match(), person.jitEnabled(),
                person.email().inVerifiedOrganizationDomain(), person.email().verified(), organization.isPresent());
        LinkRule rule = LinkRules.decide(request, facts);
        return rule.links() ? new SignInOutcome.Link(account.user(), rule, facts)
                : SignInOutcome.Refuse.firstSignIn(rule.refusal(), rule.name(), account.user());
    }

    /** The account as the linking rules read it, again: whether a decision's reading still holds when it is carried out. */
    public static AccountFacts factsOf(KeycloakSession session, RealmModel realm, UserModel user, SigningIn person,
                                       Optional<OrganizationMembership> organization, ProvenanceStore provenance, Clock clock) {
        return AccountFactsReader.read(session, realm, user, person, organization, provenance, clock);
    }

    /**
     * An email the identity provider is not trusted for never finds an account; but an account that holds it cannot
     * be given a second one either, so nothing is created: the person is refused as if the account were untrusted.
     */
    private static boolean untrustedEmailInUse(KeycloakSession session, RealmModel realm, EmailTrust email) {
        if (email.email() == null || email.usable() || realm.isDuplicateEmailsAllowed()) {
            return false;
        }
        try {
            return ExistingAccount.byEmail(session, realm, email.email()).isPresent();
        } catch (ModelDuplicateException several) {
            return true;
        }
    }
}
