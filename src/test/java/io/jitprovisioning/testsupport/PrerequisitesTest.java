package io.jitprovisioning.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

@DisplayName("A missing prerequisite skips a test, or fails it where its property requires it")
class PrerequisitesTest {

    @Test
    @DisplayName("required (under CI): a missing prerequisite fails the test, naming it and the property")
    void requiredAndMissingFails() {
        assertThatThrownBy(() -> new Prerequisites("jit.ci", true).requireOrSkip(false, "Debian's chromium"))
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Debian's chromium")
                .hasMessageContaining("jit.ci=true");
    }

    @Test
    @DisplayName("not required (a developer's machine): a missing prerequisite skips the test")
    void notRequiredAndMissingSkips() {
        assertThatThrownBy(() -> new Prerequisites("jit.require.corpus", false).requireOrSkip(false, "../shared/testdata"))
                .isExactlyInstanceOf(TestAbortedException.class)
                .hasMessageContaining("../shared/testdata")
                .hasMessageContaining("jit.require.corpus=true");
    }

    @Test
    @DisplayName("a prerequisite that is there lets the test run, required or not")
    void presentRuns() {
        assertThatCode(() -> new Prerequisites("jit.ci", true).requireOrSkip(true, "Debian's chromium")).doesNotThrowAnyException();
        assertThatCode(() -> new Prerequisites("jit.ci", false).requireOrSkip(true, "Debian's chromium")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the browser follows jit.ci and the corpus jit.require.corpus, as Maven passes them to the test JVM")
    void eachPrerequisiteFollowsItsProperty() {
        assertThatThrownBy(() -> Prerequisites.BROWSER.requireOrSkip(false, "Debian's chromium"))
                .isExactlyInstanceOf(Boolean.getBoolean("jit.ci") ? AssertionFailedError.class : TestAbortedException.class)
                .hasMessageContaining("jit.ci=true");
        assertThatThrownBy(() -> Prerequisites.CORPUS.requireOrSkip(false, "../shared/testdata"))
                .isExactlyInstanceOf(Boolean.getBoolean("jit.require.corpus") ? AssertionFailedError.class : TestAbortedException.class)
                .hasMessageContaining("jit.require.corpus=true");
    }
}
