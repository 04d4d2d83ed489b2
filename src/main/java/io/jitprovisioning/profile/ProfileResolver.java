package io.jitprovisioning.profile;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.saml.SamlAttributes;
import io.jitprovisioning.saml.ValueCleaner;

/**
 * Reads profile fields from an assertion through the attribute mapping, and for a new account also through the
 * attribute names identity providers commonly use, so that the fields a Keycloak realm requires get filled.
 */
public final class ProfileResolver {

    /** Names seen from Okta, Entra ID/ADFS, Google, Shibboleth, SimpleSAMLphp and Keycloak, for a new account only. */
    static final Map<AttributeTarget, List<String>> WELL_KNOWN_NAMES = Map.of(
            AttributeTarget.USER_EMAIL, List.of("email", "mail", "emailAddress", "urn:oid:0.9.2342.19200300.100.1.3",
                    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"),
            AttributeTarget.USER_FIRST_NAME, List.of("firstName", "givenName", "given_name", "urn:oid:2.5.4.42",
                    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"),
            AttributeTarget.USER_LAST_NAME, List.of("lastName", "sn", "surname", "family_name", "urn:oid:2.5.4.4",
                    "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"));

    private static final Map<AttributeTarget, UnaryOperator<String>> CLEANERS = Map.of(
            AttributeTarget.USER_EMAIL, ValueCleaner::email,
            AttributeTarget.USER_FIRST_NAME, ValueCleaner::personName,
            AttributeTarget.USER_LAST_NAME, ValueCleaner::personName,
            AttributeTarget.USER_DISPLAY_NAME, ValueCleaner::displayName,
            AttributeTarget.USER_PHONE_NUMBER, ValueCleaner::phoneNumber);

    private ProfileResolver() {
    }

    /** Only what the attribute mapping names: the fields re-applied at every login. */
    public static ProfileValues mapped(SamlAttributes attributes, JitSettings settings) {
        Map<AttributeTarget, String> values = new EnumMap<>(AttributeTarget.class);
        Set<AttributeTarget> rejected = EnumSet.noneOf(AttributeTarget.class);
        for (AttributeTarget target : CLEANERS.keySet()) {
            read(attributes, settings.attributesFor(target), target, values, rejected);
        }
        return new ProfileValues(values, rejected);
    }

    /**
     * What a new account starts with: the mapped fields, then for email, first and last name that are still
     * missing the well-known attribute names, then for email the address Keycloak took from an email NameID.
     */
    public static ProfileValues forNewAccount(SamlAttributes attributes, JitSettings settings, String nameIdEmail) {
        ProfileValues mapped = mapped(attributes, settings);
        Map<AttributeTarget, String> values = new EnumMap<>(AttributeTarget.class);
        Set<AttributeTarget> rejected = EnumSet.noneOf(AttributeTarget.class);
        for (AttributeTarget target : CLEANERS.keySet()) {
            mapped.get(target).ifPresent(value -> values.put(target, value));
        }
        rejected.addAll(mapped.rejected());
        WELL_KNOWN_NAMES.forEach((target, names) -> {
            if (!values.containsKey(target) && settings.attributesFor(target).isEmpty()) {
                read(attributes, names, target, values, rejected);
            }
        });
        if (!values.containsKey(AttributeTarget.USER_EMAIL)) {
            String email = ValueCleaner.email(nameIdEmail);
            if (email != null) {
                values.put(AttributeTarget.USER_EMAIL, email);
                rejected.remove(AttributeTarget.USER_EMAIL);
            }
        }
        return new ProfileValues(values, rejected);
    }

    private static void read(SamlAttributes attributes, List<String> names, AttributeTarget target,
                             Map<AttributeTarget, String> values, Set<AttributeTarget> rejected) {
        if (names.isEmpty()) {
            return;
        }
        List<String> sent = attributes.values(names);
        UnaryOperator<String> cleaner = CLEANERS.get(target);
        boolean sentSomething = false;
        for (String raw : sent) {
            if (ValueCleaner.text(raw, ValueCleaner.MAX_TEXT_LENGTH) == null) {
                continue;
            }
            sentSomething = true;
            String value = cleaner.apply(raw);
            if (value != null) {
                values.put(target, value);
                rejected.remove(target);
                return;
            }
        }
        if (sentSomething) {
            rejected.add(target);
        }
    }
}
