package io.jitprovisioning.config;

import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_ROLES;
import static io.jitprovisioning.config.JitConfigProperties.ATTRIBUTE_MAPPING;
import static io.jitprovisioning.config.JitConfigProperties.DEFAULT_ROLE;
import static io.jitprovisioning.config.JitConfigProperties.IDP_MANAGED_ROLES;
import static io.jitprovisioning.config.JitConfigProperties.JIT_ENABLED;
import static io.jitprovisioning.config.JitConfigProperties.ROLE_VALUES;
import static io.jitprovisioning.config.JitConfigProperties.SETTINGS;
import static io.jitprovisioning.config.JitConfigProperties.UNKNOWN_ROLE_POLICY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.IdentityProviderMapperModel;

import io.jitprovisioning.saml.ValueCleaner;

/**
 * The typed view of a {@code jit-provisioning-idp-mapper}'s configuration: one value per {@link Setting} of
 * {@link JitConfigProperties}. Nothing else reads the raw config.
 */
public final class JitSettings {

    private static final JitSettings ABSENT = JitSettings.builder().jitEnabled(false).build();

    private final Map<Setting<?>, Object> values;
    private final List<String> problems;
    private final Map<String, String> roleValueIndex = new HashMap<>();

    JitSettings(Map<Setting<?>, Object> values, List<String> problems) {
        this.values = Map.copyOf(values);
        this.problems = List.copyOf(problems);
        roleValues().forEach((value, role) -> roleValueIndex.putIfAbsent(roleValueKey(value), role));
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

    public boolean jitEnabled() {
        return get(JIT_ENABLED);
    }

    /** The chosen default role, or {@link JitConfigProperties#FALLBACK_DEFAULT_ROLE} when none is chosen. */
    public String defaultRole() {
        String role = get(DEFAULT_ROLE);
        return role == null ? JitConfigProperties.FALLBACK_DEFAULT_ROLE : role;
    }

    /** True when no default role is chosen, so that the realm's preparation creates {@code Agent}. */
    public boolean usesFallbackDefaultRole() {
        return get(DEFAULT_ROLE) == null;
    }

    public boolean idpManagedRoles() {
        return get(IDP_MANAGED_ROLES);
    }

    /** SAML attribute Name or FriendlyName to what it feeds, in the administrator's order. */
    public Map<String, AttributeTarget> attributeMapping() {
        return get(ATTRIBUTE_MAPPING);
    }

    /** The attribute names mapped to one target, in the administrator's order. */
    public List<String> attributesFor(AttributeTarget target) {
        List<String> names = new ArrayList<>();
        attributeMapping().forEach((name, mapped) -> {
            if (mapped == target) {
                names.add(name);
            }
        });
        return names;
    }

    /** The role-value table as the administrator wrote it: IdP value to role. */
    public Map<String, String> roleValues() {
        return get(ROLE_VALUES);
    }

    /** The role an IdP value stands for according to the role-value table, if the table has it. */
    public Optional<String> roleForValue(String value) {
        return Optional.ofNullable(roleValueIndex.get(roleValueKey(value)));
    }

    public UnknownRolePolicy unknownRolePolicy() {
        return get(UNKNOWN_ROLE_POLICY);
    }

    /** The allowlist of roles the IdP may grant; empty means any role that is not protected. */
    public List<String> assignableRoles() {
        return get(ASSIGNABLE_ROLES);
    }

    /** Human-readable notes about config values that could not be used and fell back to their defaults. */
    public List<String> problems() {
        return problems;
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
        for (Setting<?> setting : SETTINGS) {
            json.put(setting.name(), shown(setting));
        }
        json.put(DEFAULT_ROLE.name(), defaultRole());
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

    /** Table keys are cleaned exactly like the values the IdP sends (whitespace collapsed, NFC), then matched ignoring case. */
    private static String roleValueKey(String value) {
        String cleaned = ValueCleaner.roleValue(value);
        return cleaned == null ? "" : cleaned.toLowerCase(Locale.ROOT);
    }
}
