package io.jitprovisioning.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console's key/value widget, stored as {@code [{"key":"k","value":"v"}, ...]} and sent to the REST API as a JSON
 * object. Entries without a key or a value are skipped; a value that is not usable is reported and left out.
 */
final class TableFormat<V> implements SettingFormat<Map<String, V>> {

    private static final TypeReference<List<Map<String, String>>> ENTRIES = new TypeReference<>() {
    };

    private final Function<String, Optional<V>> values;
    private final Function<V, String> names;
    private final String valuesAre;

    TableFormat(Function<String, Optional<V>> values, Function<V, String> names, String valuesAre) {
        this.values = values;
        this.names = names;
        this.valuesAre = valuesAre;
    }

    @Override
    public Map<String, V> read(String stored, Consumer<String> problems) {
        List<Map<String, String>> entries;
        try {
            entries = JsonSerialization.readValue(stored, ENTRIES);
        } catch (IOException | RuntimeException e) {
            problems.accept("not a list of {key, value} entries");
            return null;
        }
        Map<String, String> raw = new LinkedHashMap<>();
        if (entries != null) {
            for (Map<String, String> entry : entries) {
                if (entry != null) {
                    raw.putIfAbsent(entry.get("key"), entry.get("value"));
                }
            }
        }
        return typed(raw, problems);
    }

    @Override
    public String write(Map<String, V> value) {
        List<Map<String, String>> entries = new ArrayList<>();
        value.forEach((key, typed) -> {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("key", key);
            entry.put("value", names.apply(typed));
            entries.add(entry);
        });
        try {
            return JsonSerialization.writeValueAsString(entries);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, V> readJson(JsonNode json, Consumer<String> problems) {
        if (!json.isObject()) {
            problems.accept("is not a JSON object");
            return null;
        }
        Map<String, String> raw = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                problems.accept("the value of '" + field.getKey() + "' is not a string");
                return null;
            }
            raw.put(field.getKey(), field.getValue().textValue());
        }
        return typed(raw, problems);
    }

    @Override
    public Object toJson(Map<String, V> value) {
        Map<String, String> shown = new LinkedHashMap<>();
        value.forEach((key, typed) -> shown.put(key, names.apply(typed)));
        return shown;
    }

    private Map<String, V> typed(Map<String, String> raw, Consumer<String> problems) {
        Map<String, V> result = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            String cleanKey = SettingFormats.trimToNull(key);
            String cleanValue = SettingFormats.trimToNull(value);
            if (cleanKey == null || cleanValue == null) {
                return;
            }
            Optional<V> typed = values.apply(cleanValue);
            if (typed.isPresent()) {
                result.putIfAbsent(cleanKey, typed.get());
            } else {
                problems.accept("'" + cleanKey + "' is mapped to '" + cleanValue + "', which is not " + valuesAre);
            }
        });
        return result;
    }
}
