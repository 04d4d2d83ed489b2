package io.jitprovisioning.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AudienceRestrictionType;
import org.keycloak.dom.saml.v2.assertion.ConditionsType;
import org.keycloak.saml.validators.DestinationValidator;

class AssertionConditionsTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String SP = "https://sso.example.com/realms/acme";

    static XMLGregorianCalendar at(Instant instant) {
        return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(instant.toString());
    }

    static AssertionType assertion(Instant notBefore, Instant notOnOrAfter, String... audiences) {
        AssertionType assertion = new AssertionType("_a", at(NOW));
        ConditionsType conditions = new ConditionsType();
        conditions.setNotBefore(at(notBefore));
        conditions.setNotOnOrAfter(at(notOnOrAfter));
        if (audiences.length > 0) {
            AudienceRestrictionType restriction = new AudienceRestrictionType();
            for (String audience : audiences) {
                restriction.addAudience(URI.create(audience));
            }
            conditions.addCondition(restriction);
        }
        assertion.setConditions(conditions);
        return assertion;
    }

    static AssertionConditions conditions(AssertionType assertion, int skew) {
        return new AssertionConditions(assertion, DestinationValidator.forProtocolMap(null), skew, NOW);
    }

    @Test
    @DisplayName("the time window, with the allowed clock skew")
    void timeWindow() {
        assertThat(conditions(assertion(NOW.minusSeconds(60), NOW.plusSeconds(60)), 0).timeWindow().result()).isEqualTo(Check.Result.PASSED);
        Check expired = conditions(assertion(NOW.minusSeconds(600), NOW.minusSeconds(300)), 0).timeWindow();
        assertThat(expired.result()).isEqualTo(Check.Result.FAILED);
        assertThat(expired.detail()).contains("expired at 2026-12-01T09:55:00Z", "the preview goes on");
        assertThat(conditions(assertion(NOW.plusSeconds(5), NOW.plusSeconds(60)), 0).timeWindow().detail()).contains("not valid before");
        assertThat(conditions(assertion(NOW.plusSeconds(5), NOW.plusSeconds(60)), 10).timeWindow().result()).isEqualTo(Check.Result.PASSED);
    }

    @Test
    @DisplayName("the audience: the broker's entity ID (default ports ignored), another one, or none named")
    void audience() {
        Instant from = NOW.minusSeconds(1);
        Instant to = NOW.plusSeconds(60);
        assertThat(conditions(assertion(from, to, "https://sso.example.com:443/realms/acme"), 0).audience(List.of(SP)).result())
                .isEqualTo(Check.Result.PASSED);
        assertThat(conditions(assertion(from, to, "https://other.example.com/sp"), 0).audience(List.of(SP)).result())
                .isEqualTo(Check.Result.FAILED);
        assertThat(conditions(assertion(from, to), 0).audience(List.of(SP)).result()).isEqualTo(Check.Result.NOT_APPLICABLE);
    }
}
