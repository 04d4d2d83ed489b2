package io.jitprovisioning.saml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLEndpoint;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.dom.saml.v2.assertion.NameIDType;
import org.keycloak.dom.saml.v2.assertion.StatementAbstractType;

/**
 * The attributes of one SAML assertion, across all of its AttributeStatements. Values of several elements with
 * the same name add up, as multi-valued attributes do.
 */
public final class SamlAttributes {

    private static final SamlAttributes NONE = new SamlAttributes(List.of());

    private final List<SamlAttribute> attributes;

    private SamlAttributes(List<SamlAttribute> attributes) {
        this.attributes = List.copyOf(attributes);
    }

    public static SamlAttributes of(List<SamlAttribute> attributes) {
        return new SamlAttributes(attributes);
    }

    public static SamlAttributes from(BrokeredIdentityContext context) {
        Object assertion = context.getContextData().get(SAMLEndpoint.SAML_ASSERTION);
        return assertion instanceof AssertionType samlAssertion ? from(samlAssertion) : NONE;
    }

    public static SamlAttributes from(AssertionType assertion) {
        if (assertion == null || assertion.getStatements() == null) {
            return NONE;
        }
        List<SamlAttribute> found = new ArrayList<>();
        // getStatements() keeps document order; getAttributeStatements() copies into a HashSet and loses it.
        for (StatementAbstractType any : assertion.getStatements()) {
            if (!(any instanceof AttributeStatementType statement)) {
                continue;
            }
            for (AttributeStatementType.ASTChoiceType choice : statement.getAttributes()) {
                AttributeType attribute = choice.getAttribute();
                if (attribute != null) {
                    found.add(new SamlAttribute(attribute.getName(), attribute.getFriendlyName(), textOf(attribute.getAttributeValue())));
                }
            }
        }
        return new SamlAttributes(found);
    }

    /** All values of the attribute called so (Name or FriendlyName), in document order. */
    public List<String> values(String attributeName) {
        List<String> values = new ArrayList<>();
        for (SamlAttribute attribute : attributes) {
            if (attribute.isCalled(attributeName)) {
                values.addAll(attribute.values());
            }
        }
        return values;
    }

    /** All values of every attribute called by one of these names, in the order of the names. */
    public List<String> values(Collection<String> attributeNames) {
        List<String> values = new ArrayList<>();
        for (String name : attributeNames) {
            values.addAll(values(name));
        }
        return values;
    }

    public boolean isPresent(String attributeName) {
        return attributes.stream().anyMatch(attribute -> attribute.isCalled(attributeName));
    }

    public List<SamlAttribute> all() {
        return attributes;
    }

    private static List<String> textOf(List<Object> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(SamlAttributes::text).filter(Objects::nonNull).toList();
    }

    /** A NameID-typed value (eduPersonTargetedID) stands for its value, not for the Java object. */
    private static String text(Object value) {
        return value instanceof NameIDType nameId ? nameId.getValue() : value.toString();
    }
}
