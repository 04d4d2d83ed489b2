package io.jitprovisioning.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user of the IdP realm, as {@link SamlBrokerFixture#idpUser(String, IdpPerson)} stores it: the names and email go
 * to the user's fields, everything else to attributes of the same name, and the IdP realm sends each as the SAML
 * attribute of that name ({@link SamlBrokerFixture#SENT_ATTRIBUTES}). Immutable: every call returns a new person, so
 * one person can be the start of several.
 *
 * <pre>{@code IdpPerson.named("Ada", "Lovelace").email("ada@acme.test").roles("developer").groups("/engineering")}</pre>
 */
public final class IdpPerson {

    private final Map<String, List<String>> attributes;

    private IdpPerson(Map<String, List<String>> attributes) {
        this.attributes = attributes;
    }

    /** A person with these names and nothing else yet. */
    public static IdpPerson named(String firstName, String lastName) {
        return new IdpPerson(Map.of()).attribute("firstName", firstName).attribute("lastName", lastName);
    }

    public IdpPerson firstName(String firstName) {
        return attribute("firstName", firstName);
    }

    public IdpPerson email(String email) {
        return attribute("email", email);
    }

    /** The {@code role} attribute; no values sends it empty. */
    public IdpPerson roles(String... roles) {
        return attribute("role", roles);
    }

    /** The {@code groups} attribute; no values sends it empty. */
    public IdpPerson groups(String... groups) {
        return attribute("groups", groups);
    }

    /** The {@code status} attribute, which the gate tests require. */
    public IdpPerson status(String status) {
        return attribute("status", status);
    }

    /** Sets (or replaces) any attribute; no values sends it empty. */
    public IdpPerson attribute(String name, String... values) {
        Map<String, List<String>> changed = new LinkedHashMap<>(attributes);
        changed.put(name, List.of(values));
        return new IdpPerson(changed);
    }

    /** A new, changeable map of the person's attributes, for a test that sends something no builder method names. */
    public Map<String, List<String>> attributes() {
        return new LinkedHashMap<>(attributes);
    }

    @Override
    public String toString() {
        return attributes.toString();
    }
}
