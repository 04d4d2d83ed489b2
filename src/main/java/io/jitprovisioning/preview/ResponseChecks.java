package io.jitprovisioning.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.crypto.dsig.XMLSignature;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SAMLDecryptionKeysLocator;
import org.keycloak.saml.common.constants.JBossSAMLConstants;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.processing.core.saml.v2.util.AssertionUtil;
import org.keycloak.saml.validators.DestinationValidator;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import io.jitprovisioning.KeycloakClock;

/**
 * The checks Keycloak's SAML broker endpoint makes when a response arrives, in its order, each reported on its own:
 * status, Destination, an assertion, encryption, Issuer, signature, audience, recipient, time window. Every failure
 * but an expired time window means Keycloak refuses the response before the extension sees it. InResponseTo is
 * checked against the request of a real sign-in, which a preview does not have.
 */
final class ResponseChecks {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SAMLIdentityProviderConfig config;
    private final BrokerUrls urls;
    private final DestinationValidator destinations = DestinationValidator.forProtocolMap(null);
    private final List<Check> checks = new ArrayList<>();

    ResponseChecks(KeycloakSession session, RealmModel realm, SAMLIdentityProviderConfig config, BrokerUrls urls) {
        this.session = session;
        this.realm = realm;
        this.config = config;
        this.urls = urls;
    }

    /** The checks made, and the assertion when Keycloak would go on with it (null otherwise). */
    record Outcome(List<Check> checks, AssertionType assertion) {
    }

    Outcome run(ResponseDecoder.Decoded decoded) {
        checks.add(decoded.check());
        if (decoded.holder() == null) {
            return new Outcome(checks, null);
        }
        AssertionType assertion = assertionOf(decoded);
        checks.add(Check.notApplicable("in_response_to", "Keycloak matches InResponseTo with the request of the sign-in "
                + "in progress; a preview has none, and it does not tell whether the response was already used"));
        return new Outcome(List.copyOf(checks), checks.stream().anyMatch(c -> c.failed() && !"time_window".equals(c.check())) ? null : assertion);
    }

    private AssertionType assertionOf(ResponseDecoder.Decoded decoded) {
        ResponseType response = decoded.response();
        if (!add(status(response)) || !add(destination(response, decoded)) || !add(hasAssertion(response))) {
            return null;
        }
        Element assertionElement = decrypted(response, decoded);
        Check responseIssuer = issuer(response.getIssuer() == null ? null : response.getIssuer().getValue(), "Response");
        if (assertionElement == null || responseIssuer.failed() && !add(responseIssuer)) {
            return null;
        }
        if (!add(new SignatureCheck(session, realm, config).run(decoded.holder().getSamlDocument(), assertionElement))) {
            return null;
        }
        try {
            if (AssertionUtil.isIdEncrypted(response)) {
                AssertionUtil.decryptId(response, new SAMLDecryptionKeysLocator(session, realm, config.getEncryptionAlgorithm()));
            }
        } catch (Exception undecryptable) {
            add(Check.failed("encryption", "the EncryptedID cannot be decrypted with the realm's encryption keys"));
            return null;
        }
        AssertionType assertion = response.getAssertions().get(0).getAssertion();
        if (!add(issuer(assertion.getIssuer() == null ? null : assertion.getIssuer().getValue(), "Assertion"))) {
            return null;
        }
        AssertionConditions conditions = new AssertionConditions(assertion, destinations, config.getAllowedClockSkew(),
                KeycloakClock.get().instant());
        List<String> audiences = new ArrayList<>(List.of(urls.entityId()));
        if (response.getDestination() != null) {
            audiences.add(response.getDestination());
        }
        if (!add(conditions.audience(audiences)) || !add(conditions.recipient(urls.endpoint()))) {
            return null;
        }
        add(conditions.timeWindow());
        return assertion;
    }

    private boolean add(Check check) {
        checks.add(check);
        return !check.failed();
    }

    private static Check status(ResponseType response) {
        String code = response.getStatus() == null || response.getStatus().getStatusCode() == null
                || response.getStatus().getStatusCode().getValue() == null ? null : response.getStatus().getStatusCode().getValue().toString();
        return JBossSAMLURIConstants.STATUS_SUCCESS.get().equals(code)
                ? Check.passed("status", "Success")
                : Check.failed("status", "the identity provider answered " + code + " instead of Success: it did not sign the user in");
    }

    private Check destination(ResponseType response, ResponseDecoder.Decoded decoded) {
        String destination = response.getDestination();
        if (destination == null) {
            boolean signed = decoded.holder().getSamlDocument().getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").getLength() > 0;
            return signed ? Check.failed("destination", "a signed response must name its Destination")
                    : Check.notApplicable("destination", "the response names no Destination (optional when unsigned)");
        }
        boolean ours = destinations.validate(urls.endpoint(), destination)
                || destination.startsWith(urls.endpoint() + "/clients/"); // IdP-initiated sign-in to one client
        return ours ? Check.passed("destination", "Destination is this broker's endpoint " + urls.endpoint())
                : Check.failed("destination", "Destination " + destination + " is not this broker's endpoint " + urls.endpoint());
    }

    private static Check hasAssertion(ResponseType response) {
        return response.getAssertions() == null || response.getAssertions().isEmpty()
                ? Check.failed("assertion", "the response carries no assertion") : Check.passed("assertion", "one assertion");
    }

    /** The assertion's element (decrypted when encrypted), as Keycloak takes it: the first child of the Response. */
    private Element decrypted(ResponseType response, ResponseDecoder.Decoded decoded) {
        try {
            if (AssertionUtil.isAssertionEncrypted(response)) {
                Element element = AssertionUtil.decryptAssertion(response,
                        new SAMLDecryptionKeysLocator(session, realm, config.getEncryptionAlgorithm()));
                add(Check.passed("encryption", "encrypted, decrypted with the realm's encryption keys"));
                return element;
            }
        } catch (Exception undecryptable) {
            add(Check.failed("encryption", "the encrypted assertion cannot be decrypted with the realm's encryption keys "
                    + "(Realm settings > Keys, use ENC)"));
            return null;
        }
        if (config.isWantAssertionsEncrypted()) {
            add(Check.failed("encryption", "the assertion is not encrypted, and Want assertions encrypted is on"));
            return null;
        }
        add(Check.notApplicable("encryption", "the assertion is not encrypted"));
        for (Node child = decoded.holder().getSamlDocument().getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && JBossSAMLURIConstants.ASSERTION_NSURI.get().equals(element.getNamespaceURI())
                    && JBossSAMLConstants.ASSERTION.get().equals(element.getLocalName())) {
                return element;
            }
        }
        add(Check.failed("assertion", "the assertion is not a direct child of the Response"));
        return null;
    }

    private Check issuer(String issuer, String of) {
        String expected = config.getIdpEntityId();
        if (expected == null) {
            return Check.notApplicable("issuer", "no identity provider entity ID is configured: Keycloak accepts any Issuer");
        }
        return Objects.equals(expected, issuer)
                ? Check.passed("issuer", "Response and Assertion Issuer are the identity provider's entity ID " + expected)
                : Check.failed("issuer", of + " Issuer " + issuer + " is not the identity provider's entity ID " + expected);
    }
}
