package io.jitprovisioning.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.keycloak.provider.ProviderConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One setting of the JIT mapper, with everything about it in one place: the key it is stored under (public
 * contract), its name in the REST API and on the console page, its console widget, its default, its format, and the
 * checks it gets against the realm's roles. The mapper, the REST API and the console page all go through it.
 *
 * @param <T> the typed value
 */
public final class Setting<T> {

    private final String key;
    private final String name;
    private final ProviderConfigProperty property;
    private final T defaultValue;
    private final SettingFormat<T> format;
    private final String invalidCode;
    private final BiFunction<T, RoleCatalog, List<SettingIssue>> roleCheck;

    Setting(String key, ProviderConfigProperty property, T defaultValue, SettingFormat<T> format, String invalidCode,
            BiFunction<T, RoleCatalog, List<SettingIssue>> roleCheck) {
        this.key = key;
        this.name = camelCase(key);
        this.property = property;
        this.defaultValue = defaultValue;
        this.format = format;
        this.invalidCode = invalidCode;
        this.roleCheck = roleCheck;
    }

    /** The stored config key, e.g. {@code jit.enabled}. */
    public String key() {
        return key;
    }

    /**
     * The name in the REST API's JSON and on the console page, e.g. {@code jitEnabled} (the console's page form
     * mangles dots in field names).
     */
    public String name() {
        return name;
    }

    /** The mapper form's widget. */
    public ProviderConfigProperty property() {
        return property;
    }

    /** The same widget under {@link #name()}, for the console page. */
    public ProviderConfigProperty pageProperty() {
        ProviderConfigProperty page = new ProviderConfigProperty(name, property.getLabel(), property.getHelpText(),
                property.getType(), property.getDefaultValue());
        page.setOptions(property.getOptions());
        return page;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** Lenient: what is garbled takes the default and is named in {@code problems}; a sign-in never fails on it. */
    T read(Map<String, String> stored, List<String> problems) {
        String text = stored.get(key);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        T value = format.read(text, problem -> problems.add(key + ": " + problem));
        return value == null ? defaultValue : value;
    }

    /**
     * Strict, for what an administrator sends as text (the console page): every problem is an error with this
     * setting's code. Null when nothing was sent.
     */
    T parse(String text, List<SettingIssue> issues) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return format.read(text, problem -> issues.add(SettingIssue.error(invalidCode, name + ": " + problem + ".")));
    }

    /** Strict, for the REST API's JSON. */
    T parseJson(JsonNode json, List<SettingIssue> issues) {
        if (json == null || json.isNull()) {
            return null;
        }
        return format.readJson(json, problem -> issues.add(SettingIssue.error(invalidCode, name + ": " + problem + ".")));
    }

    /** Checks a value against the realm's roles: roles that do not exist, or that an IdP may never grant. */
    List<SettingIssue> check(T value, RoleCatalog roles) {
        return roleCheck == null || value == null ? List.of() : roleCheck.apply(value, roles);
    }

    /** The stored text; null when the value is not stored. */
    String write(T value) {
        return value == null ? null : format.write(value);
    }

    Object toJson(T value) {
        return value == null ? null : format.toJson(value);
    }

    static String camelCase(String key) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '.') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /** Issues about the roles a setting names, one per role. */
    static List<SettingIssue> roleIssues(Iterable<String> roleNames, RoleCatalog roles, String unknownCode, String protectedCode,
                                         boolean protectedIsError, String where) {
        List<SettingIssue> issues = new ArrayList<>();
        for (String role : roleNames) {
            switch (roles.status(role)) {
                case UNKNOWN -> issues.add(SettingIssue.error(unknownCode, "The role '" + role + "' in " + where
                        + " does not exist in this realm. Create it first, or write it as clientId.role for a client role."));
                case PROTECTED -> issues.add(new SettingIssue(protectedCode, "The role '" + role + "' in " + where
                        + " is or contains a Keycloak admin role: identity providers never grant it.", protectedIsError));
                default -> {
                }
            }
        }
        return issues;
    }
}
