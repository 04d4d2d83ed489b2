package io.jitprovisioning.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import static io.jitprovisioning.config.JitSettings.ASSIGNABLE_ROLES;
import static io.jitprovisioning.config.JitSettings.ATTRIBUTE_MAPPING;
import static io.jitprovisioning.config.JitSettings.DEFAULT_ROLE;
import static io.jitprovisioning.config.JitSettings.IDP_MANAGED_ROLES;
import static io.jitprovisioning.config.JitSettings.JIT_ENABLED;
import static io.jitprovisioning.config.JitSettings.ROLE_VALUES;
import static io.jitprovisioning.config.JitSettings.UNKNOWN_ROLE_POLICY;

/** Builds {@link JitSettings} the way the one-step setup receives them; {@link #build()} parses them as stored config. */
public final class JitSettingsBuilder {
    private final Map<String, String> config = new LinkedHashMap<>();
    private final Map<String, String> mapping = new LinkedHashMap<>();
    private final Map<String, String> roleValues = new LinkedHashMap<>();
    private final List<String> assignable = new ArrayList<>();

    public JitSettingsBuilder jitEnabled(boolean enabled) {
        config.put(JIT_ENABLED, Boolean.toString(enabled));
        return this;
    }

    public JitSettingsBuilder defaultRole(String role) {
        if (role == null) {
            config.remove(DEFAULT_ROLE);
        } else {
            config.put(DEFAULT_ROLE, role);
        }
        return this;
    }

    public JitSettingsBuilder idpManagedRoles(boolean managed) {
        config.put(IDP_MANAGED_ROLES, Boolean.toString(managed));
        return this;
    }

    public JitSettingsBuilder map(String attribute, AttributeTarget target) {
        mapping.put(attribute, target.name());
        return this;
    }

    /** Replaces the whole attribute mapping. */
    public JitSettingsBuilder attributeMapping(Map<String, AttributeTarget> attributeMapping) {
        mapping.clear();
        attributeMapping.forEach(this::map);
        return this;
    }

    /** Replaces the whole role-value table. */
    public JitSettingsBuilder roleValues(Map<String, String> table) {
        roleValues.clear();
        roleValues.putAll(table);
        return this;
    }

    /** Replaces the whole allowlist. */
    public JitSettingsBuilder assignableRoles(List<String> roles) {
        assignable.clear();
        assignable.addAll(roles);
        return this;
    }

    public JitSettingsBuilder roleValue(String value, String role) {
        roleValues.put(value, role);
        return this;
    }

    public JitSettingsBuilder unknownRolePolicy(UnknownRolePolicy policy) {
        config.put(UNKNOWN_ROLE_POLICY, policy.name());
        return this;
    }

    public JitSettingsBuilder assignableRole(String role) {
        assignable.add(role);
        return this;
    }

    public JitSettings build() {
        Map<String, String> all = new LinkedHashMap<>(config);
        all.put(ATTRIBUTE_MAPPING, ConfigMaps.write(mapping));
        all.put(ROLE_VALUES, ConfigMaps.write(roleValues));
        if (!assignable.isEmpty()) {
            all.put(ASSIGNABLE_ROLES, String.join("\n", assignable));
        }
        return JitSettings.from(all);
    }
}
