package io.jitprovisioning.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.jitprovisioning.saml.ValueCleaner;

/**
 * A value table (IdP value to role or group) for lookups: keys are cleaned exactly like the values the IdP sends
 * (whitespace collapsed, invisible characters dropped, NFC) and matched ignoring case; the first entry wins.
 */
final class ValueTable {

    private final Map<String, String> index;

    ValueTable(Map<String, String> table) {
        Map<String, String> byKey = new HashMap<>();
        table.forEach((value, target) -> byKey.putIfAbsent(key(value), target));
        this.index = Map.copyOf(byKey);
    }

    Optional<String> targetOf(String value) {
        return Optional.ofNullable(index.get(key(value)));
    }

    private static String key(String value) {
        String cleaned = ValueCleaner.roleValue(value);
        return cleaned == null ? "" : cleaned.toLowerCase(Locale.ROOT);
    }
}
