package io.jitprovisioning.config;

import static io.jitprovisioning.config.JitConfigProperties.ALLOWED_EMAIL_DOMAINS;
import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_GROUPS;
import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_ROLES;
import static io.jitprovisioning.config.JitConfigProperties.ATTRIBUTE_MAPPING;
import static io.jitprovisioning.config.JitConfigProperties.DEFAULT_ROLE;
import static io.jitprovisioning.config.JitConfigProperties.GROUP_VALUES;
import static io.jitprovisioning.config.JitConfigProperties.IDP_MANAGED_ROLES;
import static io.jitprovisioning.config.JitConfigProperties.JIT_ENABLED;
import static io.jitprovisioning.config.JitConfigProperties.REQUIRED_ATTRIBUTE;
import static io.jitprovisioning.config.JitConfigProperties.REQUIRED_VALUES;
import static io.jitprovisioning.config.JitConfigProperties.ROLE_VALUES;
import static io.jitprovisioning.config.JitConfigProperties.SETTINGS;
import static io.jitprovisioning.config.JitConfigProperties.UNKNOWN_ROLE_POLICY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.IdentityProviderMapperModel;

/**
 * The typed view of a {@code jit-provisioning-idp-mapper}'s configuration: one value per {@link Setting} of
 * {@link JitConfigProperties}. Nothing else reads the raw config.
 */
public final class JitSettings {

    private static final JitSettings ABSENT = JitSettings.builder().set(JIT_ENABLED, false).build();

    private final Map<Setting<?>, Object> values;
    private final List<String> problems;
    private final List<UnusableSetting> unusable;
    private final ValueTable roleTable;
    private final ValueTable groupTable;

    JitSettings(Map<Setting<?>, Object> values, List<String> problems) {
        this.values = Map.copyOf(values);
        this.roleTable = new ValueTable(get(ROLE_VALUES));
        this.groupTable = new ValueTable(get(GROUP_VALUES));
        this.unusable = UnusableSettings.of(get(ALLOWED_EMAIL_DOMAINS), Optional.ofNullable(get(REQUIRED_ATTRIBUTE)), get(REQUIRED_VALUES));
        // An unusable setting did not fall back to its default, as its parse problems would say: unusable() tells.
        this.problems = problems.stream().filter(problem -> unusable.stream().noneMatch(u -> problem.startsWith(u.key() + ": "))).toList();
    }

    /** The settings of an identity provider that has no JIT mapper: nobody is provisioned. */
    public static JitSettings absent() {
        return ABSENT;
    }

    public static JitSettings from(IdentityProviderMapperModel model) {
        return from(model == null ? null : model.getConfig());
    }

    /**
     * Reads stored config leniently: missing keys take their defaults; garbled values take their defaults too and are
     * reported in {@link #problems()}, so that a broken setting never breaks sign-in.
     */
    public static JitSettings from(Map<String, String> config) {
        Map<String, String> raw = config == null ? Map.of() : config;
        List<String> problems = new ArrayList<>();
        Map<Setting<?>, Object> values = new HashMap<>();
        for (Setting<?> setting : SETTINGS) {
            Object value = setting.read(raw, problems);
            if (value != null) {
                values.put(setting, value);
            }
        }
        return new JitSettings(values, problems);
    }

    public static JitSettingsBuilder builder() {
        return new JitSettingsBuilder(Map.of());
    }

    /** A builder holding these settings, to change some of them. */
    public JitSettingsBuilder toBuilder() {
        return new JitSettingsBuilder(values);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.getOrDefault(setting, setting.defaultValue());
    }

    /** The attribute names mapped to one target, in the administrator's order. */
    public List<String> attributesFor(AttributeTarget target) {
        return get(ATTRIBUTE_MAPPING).entrySet().stream().filter(entry -> entry.getValue() == target).map(Map.Entry::getKey).toList();
    }

    /** The role an IdP value stands for according to the role-value table, if the table has it. */
    public Optional<String> roleForValue(String value) {
        return roleTable.targetOf(value);
    }

    /** The group (path or name) an IdP value stands for according to the group-value table, if the table has it. */
    public Optional<String> groupForValue(String value) {
        return groupTable.targetOf(value);
    }

    /** Human-readable notes about config values that could not be used and fell back to their defaults. */
    public List<String> problems() {
        return problems;
    }

    /** Gate settings that are set but unusable as written: each refuses every sign-in (SETTINGS_INVALID), never admits. */
    public List<UnusableSetting> unusable() {
        return unusable;
    }

    /** The stored form of these settings, as the admin console would write it. */
    public Map<String, String> toConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        for (Setting<?> setting : SETTINGS) {
            putStored(config, setting);
        }
        return config;
    }

    /** The settings as the REST API shows them, under their JSON names. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        SETTINGS.forEach(setting -> json.put(setting.name(), shown(setting)));
        return json;
    }

    private <T> void putStored(Map<String, String> config, Setting<T> setting) {
        String text = setting.write(get(setting));
        if (text != null) {
            config.put(setting.key(), text);
        }
    }

    private <T> Object shown(Setting<T> setting) {
        return setting.toJson(get(setting));
    }
}
