package io.jitprovisioning.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.keycloak.models.Constants;
import com.fasterxml.jackson.databind.JsonNode;

/** The formats of the JIT settings, one per kind of console widget. */
final class SettingFormats {

    /** Between list entries: one per line, as the console's text area has them, or Keycloak's "##". */
    private static final Pattern LIST_SEPARATOR = Pattern.compile(Pattern.quote(Constants.CFG_DELIMITER) + "|\\R");

    private SettingFormats() {
    }

    /** Parses an enum constant leniently, as typed into a console: trimmed, ignoring case. */
    static <E extends Enum<E>> Optional<E> parseEnum(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    static final SettingFormat<Boolean> BOOLEAN = new SettingFormat<>() {
        @Override
        public Boolean read(String stored, Consumer<String> problems) {
            String text = stored.trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            problems.accept("'" + text + "' is not true or false");
            return null;
        }

        @Override
        public String write(Boolean value) {
            return value.toString();
        }

        @Override
        public Boolean readJson(JsonNode json, Consumer<String> problems) {
            if (json.isBoolean()) {
                return json.booleanValue();
            }
            problems.accept("'" + json.asText() + "' is not true or false");
            return null;
        }

        @Override
        public Object toJson(Boolean value) {
            return value;
        }
    };

    /** Free text, such as a role name; blank means not set. */
    static final SettingFormat<String> TEXT = new SettingFormat<>() {
        @Override
        public String read(String stored, Consumer<String> problems) {
            return trimToNull(stored);
        }

        @Override
        public String write(String value) {
            return value;
        }

        @Override
        public String readJson(JsonNode json, Consumer<String> problems) {
            if (!json.isTextual()) {
                problems.accept("is not a text");
                return null;
            }
            return trimToNull(json.textValue());
        }

        @Override
        public Object toJson(String value) {
            return value;
        }
    };

    static <E extends Enum<E>> SettingFormat<E> enumeration(Class<E> type) {
        return new SettingFormat<>() {
            @Override
            public E read(String stored, Consumer<String> problems) {
                Optional<E> parsed = parseEnum(type, stored);
                if (parsed.isEmpty()) {
                    problems.accept("'" + stored.trim() + "' is not one of " + List.of(type.getEnumConstants()));
                }
                return parsed.orElse(null);
            }

            @Override
            public String write(E value) {
                return value.name();
            }

            @Override
            public E readJson(JsonNode json, Consumer<String> problems) {
                if (!json.isTextual()) {
                    problems.accept("is not a string, one of " + List.of(type.getEnumConstants()));
                    return null;
                }
                return read(json.textValue(), problems);
            }

            @Override
            public Object toJson(E value) {
                return value.name();
            }
        };
    }

    /** The console's key/value widget ({@code [{"key":..,"value":..}]}), each value read by {@code values}. */
    static <V> SettingFormat<Map<String, V>> table(Function<String, Optional<V>> values, Function<V, String> names, String valuesAre) {
        return new TableFormat<>(values, names, valuesAre);
    }

    /** The console's text area: one entry per line ({@code ##} also separates); trimmed, without repeats. */
    static final SettingFormat<List<String>> LINES = new SettingFormat<>() {
        @Override
        public List<String> read(String stored, Consumer<String> problems) {
            Set<String> values = new LinkedHashSet<>();
            for (String part : LIST_SEPARATOR.split(stored)) {
                String value = trimToNull(part);
                if (value != null) {
                    values.add(value);
                }
            }
            return List.copyOf(values);
        }

        @Override
        public String write(List<String> value) {
            return value.isEmpty() ? null : String.join("\n", value);
        }

        @Override
        public List<String> readJson(JsonNode json, Consumer<String> problems) {
            if (!json.isArray()) {
                problems.accept("is not a JSON array");
                return null;
            }
            List<String> lines = new ArrayList<>();
            json.forEach(item -> lines.add(item.isTextual() ? item.textValue() : null));
            if (lines.contains(null)) {
                problems.accept("has an entry that is not a string");
                return null;
            }
            return read(String.join("\n", lines), problems);
        }

        @Override
        public Object toJson(List<String> value) {
            return value;
        }
    };

    /** Email domains, one per line, lower case; an entry that is not a domain name (an address, a wildcard) is a problem. */
    static final SettingFormat<List<String>> DOMAINS = new DomainsFormat();

    static String trimToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
