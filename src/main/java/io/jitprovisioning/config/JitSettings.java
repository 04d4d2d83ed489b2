package io.jitprovisioning.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.keycloak.models.Constants;
import org.keycloak.models.IdentityProviderMapperModel;

import io.jitprovisioning.saml.ValueCleaner;

/**
 * The typed view of a {@code jit-provisioning-idp-mapper}'s configuration. Nothing else reads the raw config:
 * this class owns every key, default and parse rule.
 */
public final class JitSettings {

    public static final String JIT_ENABLED = "jit.enabled";
    public static final String DEFAULT_ROLE = "default.role";
    public static final String IDP_MANAGED_ROLES = "idp.managed.roles";
    public static final String ATTRIBUTE_MAPPING = "attribute.mapping";
    public static final String ROLE_VALUES = "role.values";
    public static final String UNKNOWN_ROLE_POLICY = "unknown.role.policy";
    public static final String ASSIGNABLE_ROLES = "assignable.roles";

    /** Between list entries: one per line, as the console's text area has them, or Keycloak's "##". */
    private static final Pattern LIST_SEPARATOR = Pattern.compile(Pattern.quote(Constants.CFG_DELIMITER) + "|\\R");

    /** The role the product page promises when no default role is chosen. */
    public static final String FALLBACK_DEFAULT_ROLE = "Agent";

    private static final JitSettings ABSENT = new JitSettings(false, null, false, Map.of(), Map.of(),
            UnknownRolePolicy.DEFAULT_ROLE, List.of(), List.of());

    private final boolean jitEnabled;
    private final String defaultRole;
    private final boolean idpManagedRoles;
    private final Map<String, AttributeTarget> attributeMapping;
    private final Map<String, String> roleValues;
    private final Map<String, String> roleValueIndex;
    private final UnknownRolePolicy unknownRolePolicy;
    private final List<String> assignableRoles;
    private final List<String> problems;

    private JitSettings(boolean jitEnabled, String defaultRole, boolean idpManagedRoles,
                        Map<String, AttributeTarget> attributeMapping, Map<String, String> roleValues,
                        UnknownRolePolicy unknownRolePolicy, List<String> assignableRoles, List<String> problems) {
        this.jitEnabled = jitEnabled;
        this.defaultRole = defaultRole;
        this.idpManagedRoles = idpManagedRoles;
        this.attributeMapping = Collections.unmodifiableMap(attributeMapping);
        this.roleValues = Collections.unmodifiableMap(roleValues);
        this.roleValueIndex = new LinkedHashMap<>();
        roleValues.forEach((value, role) -> roleValueIndex.putIfAbsent(roleValueKey(value), role));
        this.unknownRolePolicy = unknownRolePolicy;
        this.assignableRoles = List.copyOf(assignableRoles);
        this.problems = List.copyOf(problems);
    }

    /** The settings of an identity provider that has no JIT mapper: nobody is provisioned. */
    public static JitSettings absent() {
        return ABSENT;
    }

    public static JitSettings from(IdentityProviderMapperModel model) {
        return from(model == null ? null : model.getConfig());
    }

    /**
     * Parses stored config. Missing keys take their defaults; garbled values take their defaults too and are
     * reported in {@link #problems()}, so that a broken setting never breaks sign-in.
     */
    public static JitSettings from(Map<String, String> config) {
        Map<String, String> raw = config == null ? Map.of() : config;
        List<String> problems = new ArrayList<>();

        boolean jitEnabled = parseBoolean(raw, JIT_ENABLED, true, problems);
        boolean managed = parseBoolean(raw, IDP_MANAGED_ROLES, false, problems);
        String defaultRole = ConfigMaps.trimToNull(raw.get(DEFAULT_ROLE));

        Map<String, AttributeTarget> mapping = new LinkedHashMap<>();
        parseMap(raw, ATTRIBUTE_MAPPING, problems).forEach((attribute, target) -> {
            Optional<AttributeTarget> parsed = AttributeTarget.parse(target);
            if (parsed.isPresent()) {
                mapping.put(attribute, parsed.get());
            } else {
                problems.add(ATTRIBUTE_MAPPING + ": '" + target + "' is not one of " + List.of(AttributeTarget.values()));
            }
        });

        Map<String, String> roleValues = new LinkedHashMap<>();
        roleValues.putAll(parseMap(raw, ROLE_VALUES, problems));

        String policyText = raw.get(UNKNOWN_ROLE_POLICY);
        UnknownRolePolicy policy = UnknownRolePolicy.parse(policyText).orElse(UnknownRolePolicy.DEFAULT_ROLE);
        if (policyText != null && !policyText.isBlank() && UnknownRolePolicy.parse(policyText).isEmpty()) {
            problems.add(UNKNOWN_ROLE_POLICY + ": '" + policyText + "' is not one of " + List.of(UnknownRolePolicy.values()));
        }

        return new JitSettings(jitEnabled, defaultRole, managed, mapping, roleValues, policy,
                splitMultivalued(raw.get(ASSIGNABLE_ROLES)), problems);
    }

    public boolean jitEnabled() {
        return jitEnabled;
    }

    /** The chosen default role, or {@link #FALLBACK_DEFAULT_ROLE} when none is chosen. */
    public String defaultRole() {
        return defaultRole == null ? FALLBACK_DEFAULT_ROLE : defaultRole;
    }

    /** True when no default role is chosen, so the extension may create the {@code Agent} role itself. */
    public boolean usesFallbackDefaultRole() {
        return defaultRole == null;
    }

    public boolean idpManagedRoles() {
        return idpManagedRoles;
    }

    /** SAML attribute Name or FriendlyName to what it feeds, in the administrator's order. */
    public Map<String, AttributeTarget> attributeMapping() {
        return attributeMapping;
    }

    /** The attribute names mapped to one target, in the administrator's order. */
    public List<String> attributesFor(AttributeTarget target) {
        List<String> names = new ArrayList<>();
        attributeMapping.forEach((name, mapped) -> {
            if (mapped == target) {
                names.add(name);
            }
        });
        return names;
    }

    /** The role an IdP value stands for according to the role-value table, if the table has it. */
    public Optional<String> roleForValue(String value) {
        return Optional.ofNullable(roleValueIndex.get(roleValueKey(value)));
    }

    /** The role-value table as the administrator wrote it: IdP value to role. */
    public Map<String, String> roleValues() {
        return roleValues;
    }

    public UnknownRolePolicy unknownRolePolicy() {
        return unknownRolePolicy;
    }

    /** The allowlist of roles the IdP may grant; empty means any role that is not protected. */
    public List<String> assignableRoles() {
        return assignableRoles;
    }

    /** Human-readable notes about config values that could not be used and fell back to their defaults. */
    public List<String> problems() {
        return problems;
    }

    /** The stored form of these settings, as the admin console would write it. */
    public Map<String, String> toConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(JIT_ENABLED, Boolean.toString(jitEnabled));
        if (defaultRole != null) {
            config.put(DEFAULT_ROLE, defaultRole);
        }
        config.put(IDP_MANAGED_ROLES, Boolean.toString(idpManagedRoles));
        Map<String, String> mapping = new LinkedHashMap<>();
        attributeMapping.forEach((name, target) -> mapping.put(name, target.name()));
        config.put(ATTRIBUTE_MAPPING, ConfigMaps.write(mapping));
        config.put(ROLE_VALUES, ConfigMaps.write(roleValues));
        config.put(UNKNOWN_ROLE_POLICY, unknownRolePolicy.name());
        if (!assignableRoles.isEmpty()) {
            config.put(ASSIGNABLE_ROLES, String.join("\n", assignableRoles));
        }
        return config;
    }

    public static JitSettingsBuilder builder() {
        return new JitSettingsBuilder();
    }

    /** A builder holding these settings, to change some of them. */
    public JitSettingsBuilder toBuilder() {
        JitSettingsBuilder builder = new JitSettingsBuilder().jitEnabled(jitEnabled).defaultRole(defaultRole).idpManagedRoles(idpManagedRoles)
                .unknownRolePolicy(unknownRolePolicy);
        attributeMapping.forEach(builder::map);
        roleValues.forEach(builder::roleValue);
        assignableRoles.forEach(builder::assignableRole);
        return builder;
    }

    /** Table keys are cleaned exactly like the values the IdP sends (whitespace collapsed, NFC), then matched ignoring case. */
    private static String roleValueKey(String value) {
        String cleaned = ValueCleaner.roleValue(value);
        return cleaned == null ? "" : cleaned.toLowerCase(Locale.ROOT);
    }

    private static boolean parseBoolean(Map<String, String> raw, String key, boolean defaultValue, List<String> problems) {
        String text = ConfigMaps.trimToNull(raw.get(key));
        if (text == null) {
            return defaultValue;
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        problems.add(key + ": '" + text + "' is not true or false");
        return defaultValue;
    }

    private static Map<String, String> parseMap(Map<String, String> raw, String key, List<String> problems) {
        try {
            return ConfigMaps.parse(raw.get(key));
        } catch (IllegalArgumentException garbled) {
            problems.add(key + ": " + garbled.getMessage());
            return Map.of();
        }
    }

    private static List<String> splitMultivalued(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String part : LIST_SEPARATOR.split(text)) {
            String value = ConfigMaps.trimToNull(part);
            if (value != null) {
                values.add(value);
            }
        }
        return new ArrayList<>(values);
    }
}
