package io.jitprovisioning.roles;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.UnknownRolePolicy;

/** The realm and helpers the role-rule tests share: a few roles, one protected, and a counted default-role lookup. */
abstract class RoleResolverFixture {

    final InMemoryRoleDirectory directory = new InMemoryRoleDirectory()
            .role("Agent").role("editor").role("viewer").role("my-app.reader")
            .protectedRole("team-lead").adminName("realm-admin");
    final AtomicInteger defaultLookups = new AtomicInteger();
    RoleRef defaultRole = directory.ref("Agent");

    RoleResolver resolver(JitSettings settings) {
        Supplier<Optional<RoleRef>> lookup = () -> {
            defaultLookups.incrementAndGet();
            return Optional.ofNullable(defaultRole);
        };
        return new RoleResolver(settings, directory, lookup);
    }

    RoleDecision resolve(JitSettings settings, String... values) {
        return resolver(settings).resolve(Arrays.asList(values));
    }

    RoleDecision resolve(String... values) {
        return resolve(JitSettings.builder().build(), values);
    }

    static JitSettings policy(UnknownRolePolicy policy) {
        return JitSettings.builder().set(JitConfigProperties.UNKNOWN_ROLE_POLICY, policy).build();
    }

    RoleRef role(String name) {
        return directory.ref(name);
    }
}
