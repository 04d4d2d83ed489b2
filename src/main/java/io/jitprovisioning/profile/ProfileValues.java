package io.jitprovisioning.profile;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.jitprovisioning.config.AttributeTarget;

/**
 * Profile fields taken from one assertion, already cleaned. A field is absent when the IdP did not send it;
 * {@link #rejected()} names fields the IdP sent but whose values were unfit (and so are absent too).
 */
public final class ProfileValues {

    private final Map<AttributeTarget, String> values;
    private final Set<AttributeTarget> rejected;

    private static final ProfileValues NONE = new ProfileValues(Map.of(), Set.of());

    /** No field at all: nothing to write. */
    public static ProfileValues none() {
        return NONE;
    }

    ProfileValues(Map<AttributeTarget, String> values, Set<AttributeTarget> rejected) {
        this.values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
        this.rejected = rejected.isEmpty() ? Set.of() : EnumSet.copyOf(rejected);
    }

    public Optional<String> get(AttributeTarget target) {
        return Optional.ofNullable(values.get(target));
    }

    public Optional<String> email() {
        return get(AttributeTarget.USER_EMAIL);
    }

    public Optional<String> firstName() {
        return get(AttributeTarget.USER_FIRST_NAME);
    }

    public Optional<String> lastName() {
        return get(AttributeTarget.USER_LAST_NAME);
    }

    public Optional<String> displayName() {
        return get(AttributeTarget.USER_DISPLAY_NAME);
    }

    public Optional<String> phoneNumber() {
        return get(AttributeTarget.USER_PHONE_NUMBER);
    }

    /** These values without one field, which is reported as rejected instead (its value may not be stored). */
    public ProfileValues rejecting(AttributeTarget target) {
        Map<AttributeTarget, String> kept = new EnumMap<>(AttributeTarget.class);
        kept.putAll(values);
        kept.remove(target);
        Set<AttributeTarget> refused = EnumSet.noneOf(AttributeTarget.class);
        refused.addAll(rejected);
        refused.add(target);
        return new ProfileValues(kept, refused);
    }

    public Set<AttributeTarget> rejected() {
        return rejected;
    }

    @Override
    public String toString() {
        // Profile values are personal data: never print them.
        return "ProfileValues" + values.keySet() + (rejected.isEmpty() ? "" : " rejected=" + rejected);
    }
}
