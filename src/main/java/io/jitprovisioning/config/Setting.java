package io.jitprovisioning.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.keycloak.provider.ProviderConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

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
    private final ProblemCode invalidCode;
    private final BiFunction<T, RealmCatalog, List<Problem>> realmCheck;

    Setting(String key, ProviderConfigProperty property, T defaultValue, SettingFormat<T> format, ProblemCode invalidCode,
            BiFunction<T, RealmCatalog, List<Problem>> realmCheck) {
        this.key = key;
        this.name = camelCase(key);
        this.property = property;
        this.defaultValue = defaultValue;
        this.format = format;
        this.invalidCode = invalidCode;
        this.realmCheck = realmCheck;
    }

    /** The stored config key, e.g. {@code jit.enabled}. */
    public String key() {
        return key;
    }

    /**
     * The name in the REST API's JSON, e.g. {@code jitEnabled}.
     */
    public String name() {
        return name;
    }

    /** The mapper form's widget. */
    public ProviderConfigProperty property() {
        return property;
    }


    public T defaultValue() {
        return defaultValue;
    }

    /** Whether a value is this setting's default: what a setting left empty means. */
    public boolean isDefault(T value) {
        return java.util.Objects.equals(value, defaultValue);
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


    /** Strict, for the REST API's JSON. */
    T parseJson(JsonNode json, List<Problem> issues) {
        if (json == null || json.isNull()) {
            return null;
        }
        return format.readJson(json, problem -> issues.add(new Problem(invalidCode, name + ": " + problem + ".")));
    }

    /** Checks a value against the realm: roles or groups that do not exist, or that an IdP may never grant. */
    List<Problem> check(T value, RealmCatalog realm) {
        return realmCheck == null || value == null ? List.of() : realmCheck.apply(value, realm);
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

    /** Issues about the roles a setting names, one per role; whether a protected one is an error is its code's. */
    static List<Problem> roleIssues(Iterable<String> roleNames, RealmCatalog realm, ProblemCode unknownCode, ProblemCode protectedCode,
                                    String where) {
        List<Problem> issues = new ArrayList<>();
        for (String role : roleNames) {
            switch (realm.role(role)) {
                case UNKNOWN -> issues.add(new Problem(unknownCode, "The role '" + role + "' in " + where
                        + " does not exist in this realm. Create it first, or write it as clientId.role for a client role."));
                case PROTECTED -> issues.add(new Problem(protectedCode, "The role '" + role + "' in " + where
                        + " is or contains a Keycloak admin role: identity providers never grant it."));
                default -> {
                }
            }
        }
        return issues;
    }

    /** Issues about the groups a setting names, one per group: each must exist, and none may carry admin rights. */
    static List<Problem> groupIssues(Iterable<String> groups, RealmCatalog realm, ProblemCode unknownCode, String where) {
        List<Problem> issues = new ArrayList<>();
        for (String group : groups) {
            switch (realm.group(group)) {
                case UNKNOWN -> issues.add(new Problem(unknownCode, "The group '" + group + "' in " + where
                        + " does not exist in this realm (or its name is not unique: write its path, e.g. /engineering/backend). "
                        + "The extension never creates groups."));
                case PROTECTED -> issues.add(new Problem(ProblemCode.PROTECTED_GROUP, "The group '" + group + "' in " + where
                        + " holds a Keycloak admin role (itself, through a composite or a parent group): identity providers "
                        + "never place users in it."));
                default -> {
                }
            }
        }
        return issues;
    }
}
