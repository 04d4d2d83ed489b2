package io.jitprovisioning.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link JitSettings} in code: each call sets one {@link Setting}; what is not set keeps its value or default. */
public final class JitSettingsBuilder {

    private final Map<Setting<?>, Object> values;

    JitSettingsBuilder(Map<Setting<?>, Object> values) {
        this.values = new HashMap<>(values);
    }

    /** Sets any setting; null goes back to the default. */
    public <T> JitSettingsBuilder set(Setting<T> setting, T value) {
        if (value == null) {
            values.remove(setting);
        } else {
            values.put(setting, value);
        }
        return this;
    }

    /** Sets every setting {@code changes} holds. */
    public JitSettingsBuilder setAll(Map<Setting<?>, Object> changes) {
        changes.forEach((setting, value) -> {
            if (value == null) {
                values.remove(setting);
            } else {
                values.put(setting, value);
            }
        });
        return this;
    }

    public JitSettingsBuilder map(String attribute, AttributeTarget target) {
        Map<String, AttributeTarget> mapping = new LinkedHashMap<>(current(JitConfigProperties.ATTRIBUTE_MAPPING));
        mapping.put(attribute, target);
        return set(JitConfigProperties.ATTRIBUTE_MAPPING, mapping);
    }

    public JitSettingsBuilder roleValue(String value, String role) {
        Map<String, String> table = new LinkedHashMap<>(current(JitConfigProperties.ROLE_VALUES));
        table.put(value, role);
        return set(JitConfigProperties.ROLE_VALUES, table);
    }

    public JitSettingsBuilder assignableRole(String role) {
        List<String> allowed = new ArrayList<>(current(JitConfigProperties.ASSIGNABLE_ROLES));
        allowed.add(role);
        return set(JitConfigProperties.ASSIGNABLE_ROLES, allowed);
    }

    public JitSettings build() {
        return new JitSettings(values, List.of());
    }

    @SuppressWarnings("unchecked")
    private <T> T current(Setting<T> setting) {
        return (T) values.getOrDefault(setting, setting.defaultValue());
    }
}
