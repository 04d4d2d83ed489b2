package io.jitprovisioning.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.problem.Problem;

/**
 * JIT settings as an administrator sends them, read strictly: unlike stored config (which falls back to defaults so
 * that sign-in never breaks), every mistake is an issue with its code, and the roles and groups named are checked against the
 * realm. The REST API sends JSON under each setting's {@link Setting#name() name}.
 */
public final class SettingsInput {

    private final Map<Setting<?>, Object> changes = new LinkedHashMap<>();
    private final List<Problem> issues = new ArrayList<>();

    private SettingsInput() {
    }

    /** The settings present in a REST body; absent ones are not changes. */
    public static SettingsInput fromJson(JsonNode body, RealmCatalog realm) {
        SettingsInput input = new SettingsInput();
        for (Setting<?> setting : JitConfigProperties.SETTINGS) {
            if (body != null && body.has(setting.name())) {
                input.readJson(setting, body.get(setting.name()), realm);
            }
        }
        return input;
    }

    /** No settings sent: nothing changes (a new identity provider gets the defaults). */
    public static SettingsInput none() {
        return new SettingsInput();
    }

    /** These changes laid over {@code base}: the current settings on an update, the defaults on a creation. */
    public JitSettings over(JitSettings base) {
        return base.toBuilder().setAll(changes).build();
    }

    public List<Problem> errors() {
        return issues.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return issues.stream().filter(issue -> !issue.isError()).toList();
    }

    private <T> void readJson(Setting<T> setting, JsonNode json, RealmCatalog realm) {
        accept(setting, setting.parseJson(json, issues), realm);
    }


    private <T> void accept(Setting<T> setting, T value, RealmCatalog realm) {
        issues.addAll(setting.check(value, realm));
        changes.put(setting, value);
    }
}
