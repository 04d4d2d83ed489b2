package io.jitprovisioning.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Assignable roles as a realm resolves them: what is admitted, what is left out, when the allowlist is unusable. */
class RoleAllowlistTest {

    final InMemoryRoleDirectory realm = new InMemoryRoleDirectory().role("editor").role("viewer").role("my-app.reader");

    @Test
    @DisplayName("no entries: no allowlist, any role is admitted, and it is usable")
    void empty() {
        RoleAllowlist allowlist = RoleAllowlist.resolve(List.of(), realm);

        assertThat(allowlist.admits(realm.ref("viewer"))).isTrue();
        assertThat(allowlist.unusable()).isEmpty();
        assertThat(allowlist.ignoredEntries()).isEmpty();
    }

    @Test
    @DisplayName("entries name roles as role values do (ignoring case, clientId.role); only those are admitted")
    void namedRoles() {
        RoleAllowlist allowlist = RoleAllowlist.resolve(List.of("EDITOR", "my-app.reader"), realm);

        assertThat(allowlist.admits(realm.ref("editor"))).isTrue();
        assertThat(allowlist.admits(realm.ref("my-app.reader"))).isTrue();
        assertThat(allowlist.admits(realm.ref("viewer"))).isFalse();
        assertThat(allowlist.unusable()).isEmpty();
    }

    @Test
    @DisplayName("an entry naming no role, beside one that does, is left out and reported; the allowlist still works, narrower")
    void staleEntry() {
        RoleAllowlist allowlist = RoleAllowlist.resolve(List.of("ghost", "editor"), realm);

        assertThat(allowlist.unusable()).isEmpty();
        assertThat(allowlist.ignoredEntries()).singleElement().asString().startsWith("assignable.roles: 'ghost' names no role");
        assertThat(allowlist.admits(realm.ref("editor"))).isTrue();
        assertThat(allowlist.admits(realm.ref("viewer"))).isFalse();
    }

    @Test
    @DisplayName("set, and no entry names a role: unusable (UNKNOWN_ASSIGNABLE_ROLE), and it admits nothing")
    void nothingNamed() {
        RoleAllowlist allowlist = RoleAllowlist.resolve(List.of("ghost", "my-app.nothing"), realm);

        assertThat(allowlist.unusable()).hasValueSatisfying(unusable -> {
            assertThat(unusable.key()).isEqualTo("assignable.roles");
            assertThat(unusable.code().name()).isEqualTo("UNKNOWN_ASSIGNABLE_ROLE");
            assertThat(unusable.message()).contains("SETTINGS_INVALID", "ghost");
        });
        assertThat(allowlist.admits(realm.ref("editor"))).isFalse();
        assertThat(allowlist.ignoredEntries()).as("the unusable setting says it all").isEmpty();
    }
}
