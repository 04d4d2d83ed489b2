package io.jitprovisioning.roles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.UnknownRolePolicy;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.RefusedRole.Reason;
import io.jitprovisioning.roles.RoleDecision.Outcome;

/** What the unknown-role policy decides when the IdP sends role values but none gives a role. */
class RoleResolverPolicyTest {

    private final InMemoryRoleDirectory directory = new InMemoryRoleDirectory()
            .role("Agent").role("editor").role("viewer").role("my-app.reader")
            .protectedRole("team-lead").adminName("realm-admin");
    private final AtomicInteger defaultLookups = new AtomicInteger();
    private RoleRef defaultRole = directory.ref("Agent");

    private RoleResolver resolver(JitSettings settings) {
        Supplier<Optional<RoleRef>> lookup = () -> {
            defaultLookups.incrementAndGet();
            return Optional.ofNullable(defaultRole);
        };
        return new RoleResolver(settings, directory, lookup);
    }

    private RoleDecision resolve(JitSettings settings, String... values) {
        return resolver(settings).resolve(Arrays.asList(values));
    }

    private RoleDecision resolve(String... values) {
        return resolve(JitSettings.builder().build(), values);
    }

    private static JitSettings policy(UnknownRolePolicy policy) {
        return JitSettings.builder().unknownRolePolicy(policy).build();
    }

    private RoleRef role(String name) {
        return directory.ref(name);
    }

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
            JitSettings settings = JitSettings.builder().unknownRolePolicy(UnknownRolePolicy.DENY).assignableRole("editor").build();

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
}
