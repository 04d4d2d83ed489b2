package io.jitprovisioning.admission;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.saml.ValueCleaner;

/**
 * Decides the first login of an identity that no account is linked to yet: create, link, or refuse. It only reads,
 * so the mapper can ask before the first-broker-login flow starts and the JIT step can ask again when it writes.
 */
public final class FirstLoginAdmission {

    private FirstLoginAdmission() {
    }

    public static Admission decide(KeycloakSession session, RealmModel realm, SigningIn person,
                                   Optional<OrganizationMembership> organization, ProvenanceStore provenance) {
        if (person.username() != null && !person.username().equals(ValueCleaner.text(person.username(), Integer.MAX_VALUE))) {
            // Control, zero-width or bidi characters, or odd spacing: a name that looks like another one.
            return new Admission.Refuse(JitError.INVALID_USERNAME, "USERNAME_NOT_CLEAN");
        }
        Optional<ExistingAccount> existing = ExistingAccount.find(session, realm, person.email(), person.username());
        if (existing.isEmpty()) {
            if (untrustedEmailInUse(session, realm, person.email())) {
                return new Admission.Refuse(JitError.ACCOUNT_EXISTS_UNTRUSTED, "UNTRUSTED_EMAIL_IN_USE");
            }
            if (person.email().claimedByAnotherOrganization()) {
                return new Admission.Refuse(JitError.EMAIL_DOMAIN_CLAIMED, "EMAIL_IN_ANOTHER_ORGANIZATION_DOMAIN");
            }
            if (!person.jitEnabled()) {
                return new Admission.Refuse(JitError.NOT_PROVISIONED, "NO_ACCOUNT_AND_JIT_OFF");
            }
            boolean hasUsername = person.username() != null && !person.username().isBlank();
            return hasUsername ? new Admission.Create(person.username()) : new Admission.Refuse(JitError.NOT_PROVISIONED, "NO_USERNAME");
        }
        ExistingAccount account = existing.get();
        if (account.isAmbiguous()) {
            return new Admission.Refuse(LinkRule.AMBIGUOUS_EMAIL.refusal(), LinkRule.AMBIGUOUS_EMAIL.name());
        }
        AccountFacts facts = AccountFactsReader.read(session, realm, account.user(), person, organization, provenance);
        LinkRequest request = new LinkRequest(account.match(), person.jitEnabled(),
                person.email().inVerifiedOrganizationDomain(), person.email().verified(), organization.isPresent());
        LinkRule rule = LinkRules.decide(request, facts);
        return rule.links() ? new Admission.Link(account.user(), rule) : new Admission.Refuse(rule.refusal(), rule.name(), account.user());
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
