package io.jitprovisioning.references;

import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_GROUPS;
import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_ROLES;
import static io.jitprovisioning.config.JitConfigProperties.DEFAULT_ROLE;
import static io.jitprovisioning.config.JitConfigProperties.GROUP_VALUES;
import static io.jitprovisioning.config.JitConfigProperties.ROLE_VALUES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.groups.GroupRef;
import io.jitprovisioning.groups.InMemoryGroupDirectory;

/** A JIT mapper's stored config in, the config after a rename out: only what named the renamed role or group changes. */
class FollowedSettingsTest {

    /** Stored config as Keycloak keeps it, with the mapper's sync mode beside the settings. */
    static Map<String, String> stored(JitSettings settings) {
        Map<String, String> config = new LinkedHashMap<>(settings.toConfig());
        config.put("syncMode", "FORCE");
        return config;
    }

    static JitSettings read(FollowedSettings followed) {
        return JitSettings.from(followed.config());
    }

    /** A realm role renamed; the realm's role names are given after the rename, and no client has a dotted prefix. */
    static RoleRename realmRole(String previous, String renamed, String... namesNow) {
        return new RoleRename(null, previous, renamed, () -> List.of(namesNow), clientId -> false);
    }

    @Nested
    @DisplayName("a realm role renamed")
    class RealmRoles {

        final Map<String, String> config = stored(JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, "developer")
                .roleValue("Engineering", "developer").roleValue("developer", "developer").roleValue("Support", "support")
                .assignableRole("developer").assignableRole("support").assignableRole("my-app.developer").build());

        @Test
        @DisplayName("the default role, the table's targets and the allowlist name the new name; table keys and other keys stay")
        void everySettingFollows() {
            FollowedSettings followed = FollowedSettings.of(config, realmRole("developer", "engineer", "engineer", "support"));

            JitSettings after = read(followed);
            assertThat(after.get(DEFAULT_ROLE)).isEqualTo("engineer");
            assertThat(after.get(JitConfigProperties.ROLE_VALUES)).containsExactly(Map.entry("Engineering", "engineer"), Map.entry("developer", "engineer"),
                    Map.entry("Support", "support"));
            assertThat(after.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactly("engineer", "support", "my-app.developer");
            assertThat(followed.changed()).containsExactly(DEFAULT_ROLE.key(), ROLE_VALUES.key(), ASSIGNABLE_ROLES.key());
            Map<String, String> untouched = new LinkedHashMap<>(followed.config());
            List.of(DEFAULT_ROLE.key(), ROLE_VALUES.key(), ASSIGNABLE_ROLES.key()).forEach(untouched::remove);
            Map<String, String> before = new LinkedHashMap<>(config);
            List.of(DEFAULT_ROLE.key(), ROLE_VALUES.key(), ASSIGNABLE_ROLES.key()).forEach(before::remove);
            assertThat(untouched).isEqualTo(before).containsEntry("syncMode", "FORCE");
        }

        @Test
        @DisplayName("no default role chosen: renaming the fallback Agent makes its new name the chosen default role")
        void fallbackAgentFollows() {
            Map<String, String> fallback = stored(JitSettings.builder().build());

            FollowedSettings followed = FollowedSettings.of(fallback, realmRole("Agent", "Helper", "Helper"));

            assertThat(read(followed).get(DEFAULT_ROLE)).isEqualTo("Helper");
            assertThat(FollowedSettings.of(fallback, realmRole("Manager", "Boss", "Boss")).config()).isSameAs(fallback);
        }

        @Test
        @DisplayName("a value written in another case follows, as the sign-in matches it ignoring case")
        void otherCaseFollows() {
            Map<String, String> shouting = stored(JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, "DEVELOPER").build());

            FollowedSettings followed = FollowedSettings.of(shouting, realmRole("developer", "engineer", "engineer"));

            assertThat(read(followed).get(DEFAULT_ROLE)).isEqualTo("engineer");
        }

        @Test
        @DisplayName("of two spellings, a value follows only the role the sign-in picked: the exact one, else the first by name")
        void onlyThePickedSpellingFollows() {
            Map<String, String> values = stored(JitSettings.builder().roleValue("a", "dev").roleValue("b", "DEV").build());

            // Before: "Dev" and "dev". "dev" is exact for a; "DEV" matched both ignoring case, and "Dev" sorts first.
            assertThat(read(FollowedSettings.of(values, realmRole("dev", "ops", "Dev", "ops"))).get(JitConfigProperties.ROLE_VALUES))
                    .containsExactly(Map.entry("a", "ops"), Map.entry("b", "DEV"));
            assertThat(read(FollowedSettings.of(values, realmRole("Dev", "ops", "dev", "ops"))).get(JitConfigProperties.ROLE_VALUES))
                    .containsExactly(Map.entry("a", "dev"), Map.entry("b", "ops"));
        }

        @Test
        @DisplayName("a dotted value follows a realm role only when its prefix names no client")
        void dottedRealmRole() {
            Map<String, String> dotted = stored(JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, "team.lead").build());

            RoleRename withoutClient = new RoleRename(null, "team.lead", "lead", () -> List.of("lead"), clientId -> false);
            RoleRename withClient = new RoleRename(null, "team.lead", "lead", () -> List.of("lead"), "team"::equals);

            assertThat(read(FollowedSettings.of(dotted, withoutClient)).get(DEFAULT_ROLE)).isEqualTo("lead");
            assertThat(FollowedSettings.of(dotted, withClient).config()).isSameAs(dotted);
        }

        @Test
        @DisplayName("nothing names the role: the very same config comes back, nothing changed")
        void nothingNamesIt() {
            FollowedSettings followed = FollowedSettings.of(config, realmRole("manager", "boss", "boss", "developer", "support"));

            assertThat(followed.config()).isSameAs(config);
            assertThat(followed.changed()).isEmpty();
        }

        @Test
        @DisplayName("a garbled table stays as it was stored: it named nothing a sign-in could use")
        void garbledTableStays() {
            Map<String, String> garbled = new LinkedHashMap<>(Map.of(ROLE_VALUES.key(), "developer", DEFAULT_ROLE.key(), "developer"));

            FollowedSettings followed = FollowedSettings.of(garbled, realmRole("developer", "engineer", "engineer"));

            assertThat(followed.config()).containsEntry(ROLE_VALUES.key(), "developer").containsEntry(DEFAULT_ROLE.key(), "engineer");
        }
    }

    @Nested
    @DisplayName("a client role renamed, or a client given a new clientId")
    class ClientRoles {

        final Map<String, String> config = stored(JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, "my-app.editor")
                .roleValue("Editors", "my-app.editor").roleValue("Readers", "my-app.reader").roleValue("Realm", "editor")
                .roleValue("V2", "my-app.v2.editor").assignableRole("my-app.editor").assignableRole("my-app.ghost").build());

        final Set<String> clients = Set.of("my-app", "my-app.v2");

        @Test
        @DisplayName("a client role renamed: values of that client follow; a realm role and another client's role of that name do not")
        void clientRoleRenamed() {
            RoleRename renamed = new RoleRename("my-app", "editor", "author", () -> List.of("author", "reader"), clients::contains);

            JitSettings after = read(FollowedSettings.of(config, renamed));

            assertThat(after.get(DEFAULT_ROLE)).isEqualTo("my-app.author");
            assertThat(after.get(JitConfigProperties.ROLE_VALUES)).containsExactly(Map.entry("Editors", "my-app.author"), Map.entry("Readers", "my-app.reader"),
                    Map.entry("Realm", "editor"), Map.entry("V2", "my-app.v2.editor"));
            assertThat(after.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactly("my-app.author", "my-app.ghost");
        }

        @Test
        @DisplayName("a clientId changed: every value of that client follows, a role it lacks too; a longer clientId's do not")
        void clientRenamed() {
            ClientRename renamed = new ClientRename("my-app", "portal", Set.of("portal", "my-app.v2")::contains);

            JitSettings after = read(FollowedSettings.of(config, renamed));

            assertThat(after.get(DEFAULT_ROLE)).isEqualTo("portal.editor");
            assertThat(after.get(JitConfigProperties.ROLE_VALUES)).containsExactly(Map.entry("Editors", "portal.editor"), Map.entry("Readers", "portal.reader"),
                    Map.entry("Realm", "editor"), Map.entry("V2", "my-app.v2.editor"));
            assertThat(after.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactly("portal.editor", "portal.ghost");
        }
    }

    @Nested
    @DisplayName("a group renamed or moved")
    class Groups {

        final InMemoryGroupDirectory realm = new InMemoryGroupDirectory();
        final GroupRef engineering = realm.addPath("/engineering");
        final GroupRef backend = realm.addPath("/engineering/backend");
        final GroupRef platform = realm.addPath("/platform");

        {
            realm.addPath("/sales");
        }

        final Map<String, String> config = stored(JitSettings.builder()
                .set(GROUP_VALUES, Map.of("Backend Team", "/engineering/backend"))
                .set(ASSIGNABLE_GROUPS, List.of("/engineering", "/sales", "backend")).build());

        GroupPathChange renamed(GroupRef group, String newName) {
            String previousPath = realm.ref(group.id()).path();
            realm.rename(group, newName);
            GroupRef now = realm.ref(group.id());
            return new GroupPathChange(now, previousPath, GroupPathChange.previousName(previousPath, now.path(), newName, false),
                    newName, realm);
        }

        GroupPathChange moved(GroupRef group, GroupRef parent) {
            String previousPath = realm.ref(group.id()).path();
            realm.move(group, parent);
            GroupRef now = realm.ref(group.id());
            String name = now.path().substring(now.path().lastIndexOf('/') + 1);
            return new GroupPathChange(now, previousPath, GroupPathChange.previousName(previousPath, now.path(), name, false), name, realm);
        }

        @Test
        @DisplayName("a parent renamed: its path and its subgroups' paths follow; bare names of groups not renamed stay")
        void parentRenamed() {
            FollowedSettings followed = FollowedSettings.of(config, renamed(engineering, "eng"));

            JitSettings after = read(followed);
            assertThat(after.get(GROUP_VALUES)).containsExactly(Map.entry("Backend Team", "/eng/backend"));
            assertThat(after.get(JitConfigProperties.ASSIGNABLE_GROUPS)).containsExactly("/eng", "/sales", "backend");
            assertThat(followed.config()).containsEntry("syncMode", "FORCE");
        }

        @Test
        @DisplayName("a group moved: the paths that named it and its subgroups follow; its bare name still names it and stays")
        void groupMoved() {
            GroupRef oncall = realm.add(backend, "oncall");
            Map<String, String> withSubgroup = stored(JitSettings.from(config).toBuilder()
                    .set(GROUP_VALUES, Map.of("Backend Team", "/engineering/backend", "Oncall", "/engineering/backend/oncall")).build());

            JitSettings after = read(FollowedSettings.of(withSubgroup, moved(backend, platform)));

            assertThat(after.get(GROUP_VALUES)).containsOnly(Map.entry("Backend Team", "/platform/backend"),
                    Map.entry("Oncall", "/platform/backend/oncall"));
            assertThat(after.get(JitConfigProperties.ASSIGNABLE_GROUPS)).containsExactly("/engineering", "/sales", "backend");
            assertThat(realm.find("/platform/backend/oncall")).containsExactly(realm.ref(oncall.id()));
        }

        @Test
        @DisplayName("a bare name of the renamed group gets the new name, or the new path when another group has that name")
        void bareNameFollows() {
            assertThat(read(FollowedSettings.of(config, renamed(backend, "server"))).get(JitConfigProperties.ASSIGNABLE_GROUPS))
                    .containsExactly("/engineering", "/sales", "server");
        }

        @Test
        @DisplayName("a bare name in another case follows; when the new name is taken, the value gets the new path")
        void bareNameTakenGetsPath() {
            realm.add(platform, "server");
            Map<String, String> shouting = stored(JitSettings.builder().set(ASSIGNABLE_GROUPS, List.of("BACKEND")).build());

            assertThat(read(FollowedSettings.of(shouting, renamed(backend, "server"))).get(JitConfigProperties.ASSIGNABLE_GROUPS))
                    .containsExactly("/engineering/server");
        }

        @Test
        @DisplayName("a path another group still has was ambiguous before, or not this group's: it stays (a group name may hold '/')")
        void slashNamedGroupsStay() {
            realm.add(null, "engineering/backend");
            realm.add(null, "engineering/ops");
            Map<String, String> slashed = stored(JitSettings.builder()
                    .set(ASSIGNABLE_GROUPS, List.of("/engineering/backend", "/engineering/ops", "/engineering")).build());

            JitSettings after = read(FollowedSettings.of(slashed, renamed(engineering, "eng")));

            assertThat(after.get(JitConfigProperties.ASSIGNABLE_GROUPS)).containsExactly("/engineering/backend", "/engineering/ops", "/eng");
        }

        @Test
        @DisplayName("a path that only starts like the group's ('/engineering-old') is another group's and stays")
        void samePrefixOtherGroup() {
            realm.addPath("/engineering-old");
            Map<String, String> similar = stored(JitSettings.builder().set(ASSIGNABLE_GROUPS, List.of("/engineering-old")).build());

            assertThat(FollowedSettings.of(similar, renamed(engineering, "eng")).config()).isSameAs(similar);
        }
    }

    @Nested
    @DisplayName("the group's old name, read from its paths")
    class PreviousName {

        @Test
        void renamed() {
            assertThat(GroupPathChange.previousName("/a/backend", "/a/server", "server", false)).isEqualTo("backend");
            assertThat(GroupPathChange.previousName("/a", "/b", "b", false)).isEqualTo("a");
        }

        @Test
        void moved() {
            assertThat(GroupPathChange.previousName("/a/backend", "/b/backend", "backend", false)).isNull();
            assertThat(GroupPathChange.previousName("/a/b/backend", "/backend", "backend", false)).isNull();
        }

        @Test
        @DisplayName("a name holding '/' in paths where Keycloak escapes it")
        void escaped() {
            assertThat(GroupPathChange.previousName("/a/x~/y", "/a/z", "z", true)).isEqualTo("x/y");
            assertThat(GroupPathChange.previousName("/a/z", "/a/x~/y", "x/y", true)).isEqualTo("z");
        }
    }
}
