package io.jitprovisioning.saml;

import java.util.List;

/** One {@code saml:Attribute} element: its Name, FriendlyName and the text of its values. */
public record SamlAttribute(String name, String friendlyName, List<String> values) {

    public SamlAttribute {
        values = List.copyOf(values);
    }

    /**
     * Matches Name or FriendlyName exactly, as Keycloak's own attribute mappers do. Ignoring case would be friendlier
     * but wrong: Keycloak IdPs send their realm roles as {@code Role}, which must not pass for {@code role}.
     */
    public boolean isCalled(String attributeName) {
        return attributeName != null && (attributeName.equals(name) || attributeName.equals(friendlyName));
    }
}
