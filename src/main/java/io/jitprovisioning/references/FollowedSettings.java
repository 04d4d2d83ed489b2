package io.jitprovisioning.references;

import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_GROUPS;
import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_ROLES;
import static io.jitprovisioning.config.JitConfigProperties.DEFAULT_ROLE;
import static io.jitprovisioning.config.JitConfigProperties.GROUP_VALUES;
import static io.jitprovisioning.config.JitConfigProperties.ROLE_VALUES;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.JitSettingsBuilder;
import io.jitprovisioning.config.Setting;

/**
 * A JIT mapper's stored config after a rename: the settings that name roles ({@code default.role}, or its fallback
 * {@code Agent}; the targets of {@code role.values}; {@code assignable.roles}) and groups (the targets of
 * {@code group.values}; {@code assignable.groups}) name what was renamed by its new name. The IdP values, the keys of the tables, are what
 * the identity provider sends and never change. Only the settings that changed are written again; every other key of
 * the config (the sync mode, settings this version does not know) stays as it was stored.
 *
 * @param config  the config to store
 * @param changed the keys of the settings that changed; empty when nothing did
 */
record FollowedSettings(Map<String, String> config, List<String> changed) {

    static FollowedSettings of(Map<String, String> stored, Rename rename) {
        JitSettings settings = JitSettings.from(stored);
        JitSettingsBuilder builder = settings.toBuilder();
        List<Setting<?>> changed = new ArrayList<>();
        // No default role chosen is the setting's default, Agent: renaming Agent makes the new name the chosen one, or the
        // next sign-in would create a new Agent beside it.
        follow(settings, DEFAULT_ROLE, builder, changed, role -> rename.role(role).orElse(role));
        follow(settings, ROLE_VALUES, builder, changed, table -> targets(table, rename::role));
        follow(settings, ASSIGNABLE_ROLES, builder, changed, roles -> entries(roles, rename::role));
        follow(settings, GROUP_VALUES, builder, changed, table -> targets(table, rename::group));
        follow(settings, ASSIGNABLE_GROUPS, builder, changed, groups -> entries(groups, rename::group));
        if (changed.isEmpty()) {
            return new FollowedSettings(stored, List.of());
        }
        Map<String, String> written = builder.build().toConfig();
        Map<String, String> config = new LinkedHashMap<>(stored);
        changed.forEach(setting -> config.put(setting.key(), written.get(setting.key())));
        return new FollowedSettings(config, changed.stream().map(Setting::key).toList());
    }

    private static <T> void follow(JitSettings settings, Setting<T> setting, JitSettingsBuilder builder, List<Setting<?>> changed,
                                   UnaryOperator<T> rewrite) {
        T before = settings.get(setting);
        T after = rewrite.apply(before);
        if (after != null && !after.equals(before)) {
            builder.set(setting, after);
            changed.add(setting);
        }
    }

    private static Map<String, String> targets(Map<String, String> table, Function<String, Optional<String>> rename) {
        Map<String, String> followed = new LinkedHashMap<>();
        table.forEach((value, target) -> followed.put(value, rename.apply(target).orElse(target)));
        return followed;
    }

    private static List<String> entries(List<String> entries, Function<String, Optional<String>> rename) {
        return entries.stream().map(entry -> rename.apply(entry).orElse(entry)).distinct().toList();
    }
}
