package io.jitprovisioning.preview;

import java.net.URI;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Predicate;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.dom.saml.v2.assertion.SubjectType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.protocol.saml.SamlPrincipalType;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.saml.processing.core.saml.v2.constants.X500SAMLProfileConstants;
import org.keycloak.saml.processing.core.saml.v2.util.XMLTimeUtil;

import io.jitprovisioning.saml.SamlAttribute;

/**
 * The brokered identity Keycloak's SAML endpoint makes of an assertion before any mapper runs: the principal (the
 * NameID, or the attribute the identity provider names), the username, the email of an email-format NameID or of the
 * X.500 mail attribute, and the assertion in the context data where the mappers read it.
 */
final class SamlIdentity {

    static final String CHECK = "subject";

    /** The identity, or null with the failed check that says why there is none. */
    record Result(BrokeredIdentityContext context, Check check) {
    }

    private SamlIdentity() {
    }

    static Result of(AssertionType assertion, ResponseType response, SAMLIdentityProviderConfig config) {
        SamlPrincipalType type = config.getPrincipalType() == null ? SamlPrincipalType.SUBJECT : config.getPrincipalType();
        String expected = type == SamlPrincipalType.SUBJECT ? "the NameID" : "attribute '" + config.getPrincipalAttribute() + "'";
        String principal = switch (type) {
            case ATTRIBUTE -> firstValue(assertion, attribute -> Objects.equals(attribute.getName(), config.getPrincipalAttribute()));
            case FRIENDLY_ATTRIBUTE -> firstValue(assertion, attribute -> Objects.equals(attribute.getFriendlyName(), config.getPrincipalAttribute()));
            default -> nameId(assertion) == null ? null : nameId(assertion).getValue();
        };
        if (principal == null) {
            return new Result(null, Check.failed(CHECK, "no principal: this identity provider takes it from " + expected
                    + " (Principal type), which the assertion lacks"));
        }
        BrokeredIdentityContext identity = new BrokeredIdentityContext(principal, config);
        if (response != null) {
            identity.getContextData().put(SAMLEndpoint.SAML_LOGIN_RESPONSE, response);
        }
        identity.getContextData().put(SAMLEndpoint.SAML_ASSERTION, assertion);
        identity.setUsername(principal);
        NameIDType nameId = nameId(assertion);
        if (nameId != null && nameId.getFormat() != null && JBossSAMLURIConstants.NAMEID_FORMAT_EMAIL.get().equals(nameId.getFormat().toString())) {
            identity.setEmail(nameId.getValue());
        }
        String email = firstValue(assertion, X500SAMLProfileConstants.EMAIL::correspondsTo);
        if (email != null) {
            identity.setEmail(email);
        }
        identity.setBrokerUserId(config.getAlias() + "." + principal);
        return new Result(identity, Check.passed(CHECK, "the principal comes from " + expected));
    }

    /** An assertion made of what the administrator typed, read like a real one from then on. */
    static AssertionType typedByHand(PreviewInput input) {
        AssertionType assertion = new AssertionType("jit-preview", XMLTimeUtil.getIssueInstant());
        if (input.nameId() != null) {
            NameIDType nameId = new NameIDType();
            nameId.setValue(input.nameId());
            if (input.nameIdFormat() != null) {
                nameId.setFormat(URI.create(input.nameIdFormat()));
            }
            SubjectType.STSubType subType = new SubjectType.STSubType();
            subType.addBaseID(nameId);
            SubjectType subject = new SubjectType();
            subject.setSubType(subType);
            assertion.setSubject(subject);
        }
        AttributeStatementType statement = new AttributeStatementType();
        for (SamlAttribute typed : input.attributes()) {
            AttributeType attribute = new AttributeType(typed.name());
            typed.values().forEach(attribute::addAttributeValue);
            statement.addAttribute(new AttributeStatementType.ASTChoiceType(attribute));
        }
        assertion.addStatement(statement);
        return assertion;
    }

    private static NameIDType nameId(AssertionType assertion) {
        SubjectType subject = assertion.getSubject();
        SubjectType.STSubType subType = subject == null ? null : subject.getSubType();
        return subType != null && subType.getBaseID() instanceof NameIDType nameId ? nameId : null;
    }

    private static String firstValue(AssertionType assertion, Predicate<AttributeType> predicate) {
        return assertion.getAttributeStatements().stream()
                .map(AttributeStatementType::getAttributes)
                .flatMap(Collection::stream)
                .map(AttributeStatementType.ASTChoiceType::getAttribute)
                .filter(Objects::nonNull)
                .filter(predicate)
                .map(AttributeType::getAttributeValue)
                .flatMap(Collection::stream)
                .filter(Objects::nonNull)
                .findFirst()
                .map(Object::toString)
                .orElse(null);
    }
}
