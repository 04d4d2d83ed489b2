package io.jitprovisioning.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Something a test needs from outside the repository. On a developer's machine a missing one skips the test, so that
 * {@code mvn -B verify} runs anywhere; where its property is {@code true} it fails the test instead, because a skip
 * there would hide a gap behind a green build.
 * <ul>
 * <li>{@link #BROWSER}: Debian's Chromium and ChromeDriver; required under CI ({@code -Djit.ci=true}, or
 * {@code JIT_CI=true}, which the pom maps; {@code .ci/run} sets it).</li>
 * <li>{@link #CORPUS}: the third-party SAML files in {@code ../shared/testdata}; required with
 * {@code -Djit.require.corpus=true} (or {@code JIT_REQUIRE_CORPUS=true}), which {@code .ci/run} sets only when
 * {@code ../shared/testdata} is next to the clone, since CI may run without it.</li>
 * </ul>
 */
public final class Prerequisites {

    public static final String CI_PROPERTY = "jit.ci";
    public static final String CORPUS_PROPERTY = "jit.require.corpus";

    public static final Prerequisites BROWSER = new Prerequisites(CI_PROPERTY, Boolean.getBoolean(CI_PROPERTY));
    public static final Prerequisites CORPUS = new Prerequisites(CORPUS_PROPERTY, Boolean.getBoolean(CORPUS_PROPERTY));

    private final String property;
    private final boolean required;

    Prerequisites(String property, boolean required) {
        this.property = property;
        this.required = required;
    }

    /**
     * Returns when {@code present}; otherwise fails the test where this prerequisite is required, and skips it
     * elsewhere. {@code what} names the missing thing and how to get it.
     */
    public void requireOrSkip(boolean present, String what) {
        if (present) {
            return;
        }
        if (required) {
            Assertions.fail("missing: " + what + " (" + property + "=true: a test that would skip fails instead)");
        }
        Assumptions.abort("missing: " + what + " (skipped; " + property + "=true makes this a failure)");
    }
}
