package io.jitprovisioning.references;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.problem.ProblemCode;
import io.jitprovisioning.groups.InMemoryGroupDirectory;
import io.jitprovisioning.references.MissingNames.Missing;
import io.jitprovisioning.roles.InMemoryRoleDirectory;

/** The roles and groups the settings name that the realm does not have, each with its code. */
class MissingNamesTest {

    final InMemoryRoleDirectory roles = new InMemoryRoleDirectory().role("developer").role("my-app.editor");
    final InMemoryGroupDirectory groups = new InMemoryGroupDirectory();

    {
        groups.addPath("/engineering/backend");
        groups.addPath("/sales/backend");
    }

    @Test
    @DisplayName("names that exist (ignoring case for roles) are no problem")
    void allThere() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, "Developer").roleValue("Editors", "my-app.editor")
                .set(JitConfigProperties.GROUP_VALUES, Map.of("Backend", "/engineering/backend")).build();

        assertThat(MissingNames.of(settings, roles, groups)).isEmpty();
    }

    @Test
    @DisplayName("a default role, a role-value target and a group-value target that name nothing: one problem each, with its code")
    void missingOnes() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, "manager").roleValue("Engineering", "developer")
                .roleValue("Sales", "seller").set(JitConfigProperties.GROUP_VALUES, Map.of("Backend", "backend")).build();

        List<Missing> missing = MissingNames.of(settings, roles, groups);

        assertThat(missing).extracting(Missing::key, Missing::code).containsExactly(
                tuple("default.role", ProblemCode.DEFAULT_ROLE_MISSING),
                tuple("role.values", ProblemCode.UNKNOWN_ROLE_VALUE_TARGET),
                tuple("group.values", ProblemCode.UNKNOWN_GROUP));
        assertThat(missing.get(0).message()).isEqualTo("The default role 'manager' does not exist: nobody gets a default role.");
        assertThat(missing.get(1).sentence()).isEqualTo("role.values: The role-value table maps 'Sales' to the role 'seller', which "
                + "does not exist in this realm: that value grants no role. (UNKNOWN_ROLE_VALUE_TARGET)");
        assertThat(missing.get(2).message()).contains("'backend'", "more than one group");
    }

    @Test
    @DisplayName("no default role chosen: the fallback Agent is prepared before the first sign-in, not missing")
    void fallbackIsNotMissing() {
        assertThat(MissingNames.of(JitSettings.builder().build(), roles, groups)).isEmpty();
    }
}
