package io.jitprovisioning.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.Constants;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JIT settings as an administrator sends them, read strictly: unlike stored config (which falls back to defaults so
 * that sign-in never breaks), every mistake is an issue with its code, and the roles named are checked against the
 * realm. The REST API sends JSON under each setting's {@link Setting#name() name}; the console page sends its form.
 */
public final class SettingsInput {

    private final Map<Setting<?>, Object> changes = new LinkedHashMap<>();
    private final List<SettingIssue> issues = new ArrayList<>();

    private SettingsInput() {
    }

    /** The settings present in a REST body; absent ones are not changes. */
    public static SettingsInput fromJson(JsonNode body, RoleCatalog roles) {
        SettingsInput input = new SettingsInput();
        for (Setting<?> setting : JitConfigProperties.SETTINGS) {
            if (body != null && body.has(setting.name())) {
                input.readJson(setting, body.get(setting.name()), roles);
            }
        }
        return input;
    }

    /**
     * Every setting of the console page's form (under its page name, or its stored key): the page always shows all
     * of them, so one left empty goes back to its default.
     */
    public static SettingsInput fromForm(Map<String, List<String>> form, RoleCatalog roles) {
        SettingsInput input = new SettingsInput();
        for (Setting<?> setting : JitConfigProperties.SETTINGS) {
            List<String> values = form.getOrDefault(setting.name(), form.get(setting.key()));
            input.readText(setting, values == null || values.isEmpty() ? null : String.join(Constants.CFG_DELIMITER, values), roles);
        }
        return input;
    }

    /** These changes laid over {@code base}: the current settings on an update, the defaults on a creation. */
    public JitSettings over(JitSettings base) {
        return base.toBuilder().setAll(changes).build();
    }

    public List<SettingIssue> errors() {
        return issues.stream().filter(SettingIssue::error).toList();
    }

    public List<SettingIssue> warnings() {
        return issues.stream().filter(issue -> !issue.error()).toList();
    }

    private <T> void readJson(Setting<T> setting, JsonNode json, RoleCatalog roles) {
        accept(setting, setting.parseJson(json, issues), roles);
    }

    private <T> void readText(Setting<T> setting, String text, RoleCatalog roles) {
        accept(setting, setting.parse(text, issues), roles);
    }

    private <T> void accept(Setting<T> setting, T value, RoleCatalog roles) {
        issues.addAll(setting.check(value, roles));
        changes.put(setting, value);
    }
}
