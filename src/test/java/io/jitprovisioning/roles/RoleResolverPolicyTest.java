package io.jitprovisioning.roles;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.UnknownRolePolicy;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.RefusedRole.Reason;
import io.jitprovisioning.roles.RoleDecision.Outcome;

/** What the unknown-role policy decides when the IdP sends role values but none gives a role. */
class RoleResolverPolicyTest extends RoleResolverFixture {

    @Nested
    @DisplayName("given nothing wanted and the policy DENY")
    class Deny {

        @Test
        void onlyUnknownValuesRefuseWithUnknownRole() {
            RoleDecision decision = resolve(policy(UnknownRolePolicy.DENY), "Astronaut", "Pilot");

            assertThat(decision.isRefused()).isTrue();
            assertThat(decision.refusal()).isEqualTo(JitError.UNKNOWN_ROLE);
            assertThat(decision.wanted()).isEmpty();
            assertThat(decision.refused()).hasSize(2);
            assertThat(defaultLookups).hasValue(0);
        }

        @Test
        void anExistingButForbiddenRoleRefusesWithRoleNotAllowed() {
            JitSettings settings = JitSettings.builder().set(JitConfigProperties.UNKNOWN_ROLE_POLICY, UnknownRolePolicy.DENY).assignableRole("editor").build();

            assertThat(resolve(settings, "Astronaut", "viewer").refusal()).isEqualTo(JitError.ROLE_NOT_ALLOWED);
            assertThat(resolve(settings, "team-lead").refusal()).isEqualTo(JitError.ROLE_NOT_ALLOWED);
            assertThat(defaultLookups).hasValue(0);
        }

        @Test
        void oneGrantedRoleIsEnoughToLetTheLoginThrough() {
            RoleDecision decision = resolve(policy(UnknownRolePolicy.DENY), "Astronaut", "viewer");

            assertThat(decision.outcome()).isEqualTo(Outcome.APPLY);
            assertThat(decision.refusal()).isNull();
        }
    }

    @Nested
    @DisplayName("given nothing wanted and another policy")
    class OtherPolicies {

        @Test
        void keepCurrentChangesNothingAndSkipsTheDefault() {
            RoleDecision decision = resolve(policy(UnknownRolePolicy.KEEP_CURRENT), "Astronaut");

            assertThat(decision.outcome()).isEqualTo(Outcome.KEEP_CURRENT);
            assertThat(decision.wanted()).isEmpty();
            assertThat(decision.refused()).containsExactly(new RefusedRole("Astronaut", Reason.UNKNOWN));
            assertThat(defaultLookups).hasValue(0);
        }

        @Test
        void defaultRoleGrantsItAndStillReportsTheRefusedValues() {
            RoleDecision decision = resolve(policy(UnknownRolePolicy.DEFAULT_ROLE), "Astronaut", "team-lead");

            assertThat(decision.outcome()).isEqualTo(Outcome.APPLY);
            assertThat(decision.wanted()).containsExactly(role("Agent"));
            assertThat(decision.fromDefault()).isTrue();
            assertThat(decision.refused()).extracting(RefusedRole::value).containsExactly("Astronaut", "team-lead");
            assertThat(defaultLookups).hasValue(1);
        }

        @Test
        void aProtectedDefaultRoleIsRefusedNotGranted() {
            defaultRole = role("team-lead");

            RoleDecision decision = resolve();

            assertThat(decision.wanted()).isEmpty();
            assertThat(decision.refused()).containsExactly(new RefusedRole("team-lead", Reason.PROTECTED));
        }

        @Test
        void aMissingDefaultRoleGrantsNothing() {
            defaultRole = null;

            RoleDecision decision = resolve("Astronaut");

            assertThat(decision.outcome()).isEqualTo(Outcome.APPLY);
            assertThat(decision.wanted()).isEmpty();
        }
    }

    @Nested
    @DisplayName("given KEEP_CURRENT and roles the IdP granted earlier")
    class KeepCurrent {

        @Test
        void aRoleThatHasSinceBecomeProtectedIsNotKept() {
            RoleResolver resolver = resolver(policy(UnknownRolePolicy.KEEP_CURRENT));
            assertThat(resolver.mayKeep(role("editor"))).isTrue();

            directory.protect("editor");

            assertThat(resolver(policy(UnknownRolePolicy.KEEP_CURRENT)).mayKeep(role("editor"))).isFalse();
        }

        @Test
        void aRoleThatHasSinceLeftTheAllowlistIsNotKept() {
            JitSettings settings = JitSettings.builder().set(JitConfigProperties.UNKNOWN_ROLE_POLICY, UnknownRolePolicy.KEEP_CURRENT).assignableRole("viewer").build();

            assertThat(resolver(settings).mayKeep(role("viewer"))).isTrue();
            assertThat(resolver(settings).mayKeep(role("editor"))).isFalse();
        }
    }
}
