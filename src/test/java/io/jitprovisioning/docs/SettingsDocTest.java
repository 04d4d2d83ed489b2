package io.jitprovisioning.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.Setting;
import io.jitprovisioning.config.UnknownRolePolicy;

/** docs/settings.md's table is checked against the settings model, so that it cannot go stale. */
@DisplayName("docs/settings.md")
class SettingsDocTest {

    static final Path SETTINGS = Path.of("docs/settings.md");
    private static final String LABEL = "Field (product page's words)";
    private static final String KEY = "Config key";

    static List<Map<String, String>> rows() {
        return Markdown.of(SETTINGS).table("Settings of the JIT mapper", LABEL);
    }

    private static String key(Map<String, String> row) {
        List<String> keys = Markdown.codes(row.get(KEY));
        assertThat(keys).as("one config key in the row of %s", row.get(LABEL)).hasSize(1);
        return keys.get(0);
    }

    @Test
    @DisplayName("has one row per setting, in the order of the console's forms, and no row for a key that does not exist")
    void oneRowPerSetting() {
        assertThat(rows().stream().map(SettingsDocTest::key).toList())
                .containsExactlyElementsOf(JitConfigProperties.SETTINGS.stream().map(Setting::key).toList());
    }

    @Test
    @DisplayName("gives each setting its REST name, its field label and its default")
    void rowsMatchTheModel() {
        Map<String, Setting<?>> byKey = JitConfigProperties.SETTINGS.stream()
                .collect(Collectors.toMap(Setting::key, setting -> setting));
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, String> row : rows()) {
            Setting<?> setting = byKey.get(key(row));
            if (setting == null) {
                softly.fail("a row names the key %s, which no setting has", key(row));
                continue;
            }
            softly.assertThat(row.get("REST name")).as("REST name of %s", setting.key()).isEqualTo("`" + setting.name() + "`");
            softly.assertThat(row.get(LABEL)).as("label of %s", setting.key()).isEqualTo(setting.property().getLabel());
            softly.assertThat(row.get("Default")).as("default of %s", setting.key()).matches(defaultPattern(setting.defaultValue()));
        }
        softly.assertAll();
    }

    /**
     * How the Default column writes a default: the value in code marks ({@code `true`}, {@code `DEFAULT_ROLE`}),
     * {@code *(none...)*} for no value, {@code *(empty...)*} for an empty list or table; the parentheses may say
     * what that means.
     */
    static String defaultPattern(Object value) {
        if (value == null) {
            return "\\*\\(none.*\\)\\*";
        }
        if (value instanceof Collection<?> collection && collection.isEmpty() || value instanceof Map<?, ?> map && map.isEmpty()) {
            return "\\*\\(empty.*\\)\\*";
        }
        String text = value instanceof Enum<?> constant ? constant.name() : String.valueOf(value);
        return Pattern.quote("`" + text + "`");
    }

    @Test
    @DisplayName("the Default column's forms are told apart")
    void defaultPatterns() {
        assertThat("`true`").matches(defaultPattern(true)).doesNotMatch(defaultPattern(false));
        assertThat("*(none → realm role `Agent`, created if missing)*").matches(defaultPattern(null)).doesNotMatch(defaultPattern(List.of()));
        assertThat("*(empty = any)*").matches(defaultPattern(List.of())).matches(defaultPattern(Map.of())).doesNotMatch(defaultPattern(null));
        assertThat("`DEFAULT_ROLE`").matches(defaultPattern(UnknownRolePolicy.DEFAULT_ROLE));
    }
}
