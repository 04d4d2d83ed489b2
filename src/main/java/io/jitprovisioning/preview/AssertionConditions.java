package io.jitprovisioning.preview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.datatype.XMLGregorianCalendar;

import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AudienceRestrictionType;
import org.keycloak.dom.saml.v2.assertion.ConditionAbstractType;
import org.keycloak.dom.saml.v2.assertion.ConditionsType;
import org.keycloak.dom.saml.v2.assertion.SubjectConfirmationDataType;
import org.keycloak.dom.saml.v2.assertion.SubjectConfirmationType;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.validators.DestinationValidator;

/**
 * The conditions of an assertion, as Keycloak checks them (ConditionsValidator, and since 26.5 the bearer
 * SubjectConfirmationData too): the audience, the recipient, and the time window with the identity provider's allowed
 * clock skew. A time window that has passed is reported but does not stop a preview: a captured response is usually
 * minutes old.
 */
final class AssertionConditions {

    private final AssertionType assertion;
    private final DestinationValidator urls;
    private final long skewSeconds;
    private final Instant now;

    AssertionConditions(AssertionType assertion, DestinationValidator urls, int allowedClockSkewSeconds, Instant now) {
        this.assertion = assertion;
        this.urls = urls;
        this.skewSeconds = allowedClockSkewSeconds;
        this.now = now;
    }

    /** Every AudienceRestriction must name the broker: its entity ID, or the response's Destination. */
    Check audience(List<String> allowed) {
        List<AudienceRestrictionType> restrictions = new ArrayList<>();
        ConditionsType conditions = assertion.getConditions();
        if (conditions != null && conditions.getConditions() != null) {
            for (ConditionAbstractType condition : conditions.getConditions()) {
                if (condition instanceof AudienceRestrictionType restriction) {
                    restrictions.add(restriction);
                }
            }
        }
        if (restrictions.isEmpty()) {
            return Check.notApplicable("audience", "the assertion has no AudienceRestriction (Keycloak accepts that)");
        }
        for (AudienceRestrictionType restriction : restrictions) {
            boolean named = restriction.getAudience().stream().anyMatch(audience -> allowed.stream().anyMatch(a -> urls.validate(a, audience)));
            if (!named) {
                return Check.failed("audience", "the assertion is for another service provider: its Audience "
                        + restriction.getAudience() + " is not this broker's entity ID " + allowed.get(0));
            }
        }
        return Check.passed("audience", "Audience is this broker's entity ID " + allowed.get(0));
    }

    /** The bearer SubjectConfirmationData's Recipient, when it names one, must be the broker's endpoint. */
    Check recipient(String endpoint) {
        String recipient = bearer().map(SubjectConfirmationDataType::getRecipient).orElse(null);
        if (recipient == null) {
            return Check.notApplicable("recipient", "the subject confirmation names no Recipient");
        }
        return urls.validate(endpoint, recipient)
                ? Check.passed("recipient", "Recipient is this broker's endpoint")
                : Check.failed("recipient", "Recipient " + recipient + " is not this broker's endpoint " + endpoint);
    }

    Check timeWindow() {
        List<String> problems = new ArrayList<>();
        if (assertion.getConditions() != null) {
            window("Conditions", assertion.getConditions().getNotBefore(), assertion.getConditions().getNotOnOrAfter(), problems);
        }
        bearer().ifPresent(data -> window("SubjectConfirmationData", data.getNotBefore(), data.getNotOnOrAfter(), problems));
        String skew = " (allowed clock skew " + skewSeconds + " s)";
        if (problems.isEmpty()) {
            return Check.passed("time_window", "within NotBefore and NotOnOrAfter" + skew);
        }
        return Check.failed("time_window", String.join("; ", problems) + skew + ". A sign-in with this response would be "
                + "refused as expired; the preview goes on as if it were still valid.");
    }

    private void window(String where, XMLGregorianCalendar notBefore, XMLGregorianCalendar notOnOrAfter, List<String> problems) {
        if (notBefore != null && instant(notBefore).minusSeconds(skewSeconds).isAfter(now)) {
            problems.add(where + " not valid before " + instant(notBefore));
        }
        if (notOnOrAfter != null && !instant(notOnOrAfter).plusSeconds(skewSeconds).isAfter(now)) {
            problems.add(where + " expired at " + instant(notOnOrAfter));
        }
    }

    private Optional<SubjectConfirmationDataType> bearer() {
        if (assertion.getSubject() == null || assertion.getSubject().getConfirmation() == null) {
            return Optional.empty();
        }
        return assertion.getSubject().getConfirmation().stream()
                .filter(confirmation -> JBossSAMLURIConstants.SUBJECT_CONFIRMATION_BEARER.get().equals(confirmation.getMethod()))
                .map(SubjectConfirmationType::getSubjectConfirmationData)
                .filter(data -> data != null)
                .findFirst();
    }

    private static Instant instant(XMLGregorianCalendar time) {
        return time.toGregorianCalendar().toInstant();
    }
}
