package io.jitprovisioning.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Reads the admin console's {@code Map} config type, stored as {@code [{"key":"k","value":"v"}, ...]}.
 */
final class ConfigMaps {

    private static final TypeReference<List<Map<String, String>>> ENTRIES = new TypeReference<>() {
    };

    private ConfigMaps() {
    }

    /**
     * @throws IllegalArgumentException when the text is not such a list
     */
    static Map<String, String> parse(String json) {
        Map<String, String> result = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return result;
        }
        List<Map<String, String>> entries;
        try {
            entries = JsonSerialization.readValue(json, ENTRIES);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a list of {key, value} entries");
        }
        if (entries == null) {
            return result;
        }
        for (Map<String, String> entry : entries) {
            if (entry == null) {
                continue;
            }
            String key = trimToNull(entry.get("key"));
            String value = trimToNull(entry.get("value"));
            if (key != null && value != null) {
                result.putIfAbsent(key, value);
            }
        }
        return result;
    }

    static String write(Map<String, String> map) {
        List<Map<String, String>> entries = new ArrayList<>();
        map.forEach((key, value) -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("value", value);
            entries.add(entry);
        });
        try {
            return JsonSerialization.writeValueAsString(entries);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
