package io.jitprovisioning.profile;

import java.util.Map;
import java.util.Set;

import io.jitprovisioning.config.AttributeTarget;

/** Profile values made up in tests. */
public final class ProfileValuesFixture {

    private ProfileValuesFixture() {
    }

    public static ProfileValues of(Map<AttributeTarget, String> values, Set<AttributeTarget> rejected) {
        return new ProfileValues(values, rejected);
    }
}
