package io.jitprovisioning.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.UnknownRolePolicy;
import io.jitprovisioning.roles.RefusedRole.Reason;
import io.jitprovisioning.roles.RoleDecision.Outcome;

class RoleResolverTest extends RoleResolverFixture {

    @Nested
    @DisplayName("given no role values")
    class NoValues {

        @Test
        void theDefaultRoleIsGrantedOnce() {
            RoleDecision decision = resolve();

            assertThat(decision.outcome()).isEqualTo(Outcome.APPLY);
            assertThat(decision.wanted()).containsExactly(role("Agent"));
            assertThat(decision.fromDefault()).isTrue();
            assertThat(decision.refused()).isEmpty();
            assertThat(defaultLookups).hasValue(1);
        }

        @Test
        void blankAndInvisibleValuesCountAsNone() {
            RoleDecision decision = resolve(policy(UnknownRolePolicy.DENY), " ", "", null, "\u200B");

            assertThat(decision.outcome()).isEqualTo(Outcome.APPLY);
            assertThat(decision.wanted()).containsExactly(role("Agent"));
        }
    }

    @Nested
    @DisplayName("given values that name roles")
    class Granted {

        @Test
        void theyNameRolesIgnoringCaseWithoutLookingUpTheDefault() {
            RoleDecision decision = resolve("EDITOR", " Viewer\u200B ");

            assertThat(decision.outcome()).isEqualTo(Outcome.APPLY);
            assertThat(decision.wanted()).containsExactlyInAnyOrder(role("editor"), role("viewer"));
            assertThat(decision.fromDefault()).isFalse();
            assertThat(defaultLookups).hasValue(0);
        }

        @Test
        void theRoleValueTableComesFirst() {
            JitSettings settings = JitSettings.builder()
                    .roleValue("Engineering", "editor").roleValue("viewer", "my-app.reader").build();

            RoleDecision decision = resolve(settings, "engineering", "VIEWER");

            assertThat(decision.wanted()).containsExactlyInAnyOrder(role("editor"), role("my-app.reader"));
        }

        @Test
        void valuesForTheSameRoleGiveItOnce() {
            JitSettings settings = JitSettings.builder().roleValue("Engineering", "editor").build();

            assertThat(resolve(settings, "Engineering", "editor", "Editor").wanted()).containsExactly(role("editor"));
        }

        @Test
        void unknownValuesAreReportedBesideTheGrantedRoles() {
            RoleDecision decision = resolve("editor", "Astronaut");

            assertThat(decision.wanted()).containsExactly(role("editor"));
            assertThat(decision.refused()).containsExactly(new RefusedRole("Astronaut", Reason.UNKNOWN));
        }
    }

    @Nested
    @DisplayName("given values that name admin roles")
    class Protected {

        @Test
        void aCompositeHoldingAnAdminRoleIsRefused() {
            RoleDecision decision = resolve("team-lead", "editor");

            assertThat(decision.wanted()).containsExactly(role("editor"));
            assertThat(decision.refused()).containsExactly(new RefusedRole("team-lead", Reason.PROTECTED));
        }

        @Test
        void aBareAdminRoleNameIsProtectedNotUnknown() {
            assertThat(resolve("Realm-Admin").refused()).containsExactly(new RefusedRole("Realm-Admin", Reason.PROTECTED));
        }

        @Test
        void theRoleValueTableCannotReachAnAdminRole() {
            JitSettings settings = JitSettings.builder().roleValue("Boss", "realm-admin").roleValue("Lead", "team-lead").build();

            assertThat(resolve(settings, "Boss", "Lead").refused()).containsExactly(
                    new RefusedRole("Boss", Reason.PROTECTED), new RefusedRole("Lead", Reason.PROTECTED));
        }

        @Test
        void theAllowlistCannotLiftTheGuard() {
            JitSettings settings = JitSettings.builder().assignableRole("team-lead").build();

            RoleDecision decision = resolve(settings, "team-lead");

            assertThat(decision.wanted()).doesNotContain(role("team-lead"));
            assertThat(decision.refused()).containsExactly(new RefusedRole("team-lead", Reason.PROTECTED));
        }
    }

    @Nested
    @DisplayName("given an allowlist")
    class Allowlist {

        @Test
        void rolesOutsideItAreNotAssignable() {
            JitSettings settings = JitSettings.builder().assignableRole("EDITOR").assignableRole("my-app.reader").build();

            RoleDecision decision = resolve(settings, "editor", "viewer");

            assertThat(decision.wanted()).containsExactly(role("editor"));
            assertThat(decision.refused()).containsExactly(new RefusedRole("viewer", Reason.NOT_ASSIGNABLE));
        }

        @Test
        void entriesThatNameNoRoleRefuseEverything() {
            JitSettings settings = JitSettings.builder().assignableRole("ghost").set(JitConfigProperties.UNKNOWN_ROLE_POLICY, UnknownRolePolicy.DENY).build();

            RoleDecision decision = resolve(settings, "editor", "viewer");

            assertThat(decision.outcome()).isEqualTo(Outcome.REFUSE);
            assertThat(decision.wanted()).isEmpty();
            assertThat(decision.refused()).extracting(RefusedRole::reason).containsOnly(Reason.NOT_ASSIGNABLE);
        }
    }

    @Nested
    @DisplayName("given more values than any IdP should send")
    class TooMany {

        @Test
        void onlyTheFirstHundredDistinctValuesCount() {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < RoleResolver.MAX_ROLE_VALUES; i++) {
                values.add("unknown-" + i);
            }
            values.add("editor");

            RoleDecision decision = resolver(policy(UnknownRolePolicy.DENY)).resolve(values);

            assertThat(decision.isRefused()).isTrue();
            assertThat(decision.refused()).hasSize(RoleResolver.MAX_ROLE_VALUES);
            assertThat(directory.lookups()).doesNotContain("editor");
        }

        @Test
        void repeatsInAnotherCaseDoNotUseUpTheBudget() {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < RoleResolver.MAX_ROLE_VALUES - 1; i++) {
                values.add("unknown-" + i);
                values.add("UNKNOWN-" + i);
            }
            values.add("editor");

            RoleDecision decision = resolver(policy(UnknownRolePolicy.DENY)).resolve(values);

            assertThat(decision.wanted()).containsExactly(role("editor"));
            assertThat(decision.refused()).hasSize(RoleResolver.MAX_ROLE_VALUES - 1)
                    .extracting(RefusedRole::value).allMatch(value -> value.startsWith("unknown-"));
        }
    }
}
