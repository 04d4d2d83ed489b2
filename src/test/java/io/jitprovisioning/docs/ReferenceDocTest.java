package io.jitprovisioning.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.refusal.JitError;

/** docs/reference.md's tables are checked against the code, so that they cannot go stale. */
@DisplayName("docs/reference.md")
class ReferenceDocTest {

    private static final Markdown REFERENCE = Markdown.of(Path.of("docs/reference.md"));

    /** The codes in the first column of a table, several per cell allowed ({@code `a`, `b`}). */
    static List<String> firstColumn(List<Map<String, String>> rows) {
        return rows.stream().flatMap(row -> Markdown.codes(row.values().iterator().next()).stream()).toList();
    }

    @Test
    @DisplayName("the error codes are exactly those of JitError")
    void errorCodes() {
        List<Map<String, String>> rows = REFERENCE.table("Error codes (the refusal page and the `jit_error` event detail)", "Code");

        assertThat(firstColumn(rows)).containsExactlyInAnyOrderElementsOf(Arrays.stream(JitError.values()).map(Enum::name).toList());
    }

    @Test
    @DisplayName("the event details are exactly the detail names JitEvents declares")
    void eventDetails() {
        List<Map<String, String>> rows = REFERENCE.table("Events", "Detail");

        assertThat(firstColumn(rows)).containsExactlyInAnyOrderElementsOf(declaredDetails());
    }

    /** The public String constants of JitEvents: the detail names, public contract. */
    static List<String> declaredDetails() {
        List<String> details = Arrays.stream(JitEvents.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
                .filter(field -> field.getType() == String.class).map(ReferenceDocTest::value).toList();
        assertThat(details).as("JitEvents' detail names").contains(JitEvents.ERROR, JitEvents.ROLES_GRANTED);
        return details;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
