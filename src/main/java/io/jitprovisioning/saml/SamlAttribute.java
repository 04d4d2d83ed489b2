package io.jitprovisioning.saml;

import java.util.List;

/** One {@code saml:Attribute} element: its Name, FriendlyName and the text of its values. */
public record SamlAttribute(String name, String friendlyName, List<String> values) {

    public SamlAttribute {
        values = List.copyOf(values);
    }

    /** SAML names are matched on Name or FriendlyName, ignoring case, as administrators type them. */
    public boolean isCalled(String attributeName) {
        return attributeName != null
                && (attributeName.equalsIgnoreCase(name) || attributeName.equalsIgnoreCase(friendlyName));
    }
}
