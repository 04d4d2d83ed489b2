package io.jitprovisioning.config;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.jitprovisioning.problem.ProblemCode;

class JitSettingsTest {

    private static JitSettings parse(String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return JitSettings.from(config);
    }

    @Nested
    @DisplayName("given no stored config")
    class NoConfig {

        @ParameterizedTest
        @NullAndEmptySource
        void everySettingTakesItsDefault(Map<String, String> config) {
            JitSettings settings = JitSettings.from(config);

            assertThat(settings.get(JitConfigProperties.JIT_ENABLED)).isTrue();
            assertThat(settings.get(JitConfigProperties.DEFAULT_ROLE)).isEqualTo("Agent");
            assertThat(JitConfigProperties.DEFAULT_ROLE.isDefault(settings.get(JitConfigProperties.DEFAULT_ROLE))).isTrue();
            assertThat(settings.get(JitConfigProperties.IDP_MANAGED_ROLES)).isFalse();
            assertThat(settings.get(JitConfigProperties.ATTRIBUTE_MAPPING)).isEmpty();
            assertThat(settings.get(JitConfigProperties.ROLE_VALUES)).isEmpty();
            assertThat(settings.get(JitConfigProperties.UNKNOWN_ROLE_POLICY)).isEqualTo(UnknownRolePolicy.DEFAULT_ROLE);
            assertThat(settings.get(JitConfigProperties.ASSIGNABLE_ROLES)).isEmpty();
            assertThat(settings.problems()).isEmpty();
        }

        @Test
        void aBlankDefaultRoleMeansTheFallback() {
            JitSettings settings = parse(JitConfigProperties.DEFAULT_ROLE.key(), "   ");

            assertThat(settings.get(JitConfigProperties.DEFAULT_ROLE)).isEqualTo(JitConfigProperties.DEFAULT_ROLE.defaultValue());
            assertThat(JitConfigProperties.DEFAULT_ROLE.isDefault(settings.get(JitConfigProperties.DEFAULT_ROLE))).isTrue();
        }

        @Test
        void anIdpWithoutMapperProvisionsNobody() {
            assertThat(JitSettings.absent().get(JitConfigProperties.JIT_ENABLED)).isFalse();
        }
    }

    @Nested
    @DisplayName("given every key set")
    class EveryKey {

        private final JitSettings settings = parse(
                JitConfigProperties.JIT_ENABLED.key(), "FALSE",
                JitConfigProperties.DEFAULT_ROLE.key(), " my-app.viewer ",
                JitConfigProperties.IDP_MANAGED_ROLES.key(), "true",
                JitConfigProperties.ATTRIBUTE_MAPPING.key(), "[{\"key\":\"role\",\"value\":\"USER_ROLE\"},"
                        + "{\"key\":\" urn:oid:2.5.4.42 \",\"value\":\" user_first_name \"},"
                        + "{\"key\":\"groups\",\"value\":\"USER_ROLE\"}]",
                JitConfigProperties.ROLE_VALUES.key(), "[{\"key\":\"Engineering\",\"value\":\"developer\"}]",
                JitConfigProperties.UNKNOWN_ROLE_POLICY.key(), "deny",
                JitConfigProperties.ASSIGNABLE_ROLES.key(), "developer##my-app.editor");

        @Test
        void eachValueIsRead() {
            assertThat(settings.get(JitConfigProperties.JIT_ENABLED)).isFalse();
            assertThat(settings.get(JitConfigProperties.DEFAULT_ROLE)).isEqualTo("my-app.viewer");
            assertThat(JitConfigProperties.DEFAULT_ROLE.isDefault(settings.get(JitConfigProperties.DEFAULT_ROLE))).isFalse();
            assertThat(settings.get(JitConfigProperties.IDP_MANAGED_ROLES)).isTrue();
            assertThat(settings.get(JitConfigProperties.ATTRIBUTE_MAPPING)).containsExactly(entry("role", AttributeTarget.USER_ROLE),
                    entry("urn:oid:2.5.4.42", AttributeTarget.USER_FIRST_NAME), entry("groups", AttributeTarget.USER_ROLE));
            assertThat(settings.get(JitConfigProperties.ROLE_VALUES)).containsExactly(entry("Engineering", "developer"));
            assertThat(settings.get(JitConfigProperties.UNKNOWN_ROLE_POLICY)).isEqualTo(UnknownRolePolicy.DENY);
            assertThat(settings.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactly("developer", "my-app.editor");
            assertThat(settings.problems()).isEmpty();
        }

        @Test
        void attributesForOneTargetKeepTheAdministratorsOrder() {
            assertThat(settings.attributesFor(AttributeTarget.USER_ROLE)).containsExactly("role", "groups");
            assertThat(settings.attributesFor(AttributeTarget.USER_EMAIL)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Engineering", "engineering", "  ENGINEERING  "})
        void roleValuesMatchIgnoringCaseAndSurroundingSpace(String sent) {
            assertThat(settings.roleForValue(sent)).contains("developer");
        }

        @Test
        @DisplayName("table keys are cleaned exactly like the IdP's values: whitespace collapsed, invisible characters dropped, NFC")
        void tableKeysAreNormalisedLikeTheValues() {
            JitSettings table = JitSettings.builder().roleValue("Research  and\u00A0Development", "developer")
                    .roleValue("Cafe\u0301", "barista").roleValue("Ops\u200B Team", "operator").build();

            assertThat(table.roleForValue("research and development")).contains("developer");
            assertThat(table.roleForValue("Caf\u00E9")).contains("barista");
            assertThat(table.roleForValue("Ops Team")).contains("operator");
        }

        @Test
        void valuesOutsideTheTableHaveNoRole() {
            assertThat(settings.roleForValue("Engineer")).isEmpty();
            assertThat(settings.roleForValue(null)).isEmpty();
        }
    }

    @Nested
    @DisplayName("given garbled values")
    class Garbled {

        @ParameterizedTest
        @ValueSource(strings = {"not json", "{\"key\":\"role\",\"value\":\"USER_ROLE\"}", "[1,2]", "[{\"key\":[\"a\"]}]"})
        void aMappingThatIsNotAListOfEntriesIsEmptyAndReported(String json) {
            JitSettings settings = parse(JitConfigProperties.ATTRIBUTE_MAPPING.key(), json, JitConfigProperties.ROLE_VALUES.key(), json);

            assertThat(settings.get(JitConfigProperties.ATTRIBUTE_MAPPING)).isEmpty();
            assertThat(settings.get(JitConfigProperties.ROLE_VALUES)).isEmpty();
            assertThat(settings.problems()).hasSize(2)
                    .anySatisfy(problem -> assertThat(problem).startsWith(JitConfigProperties.ATTRIBUTE_MAPPING.key() + ":"))
                    .anySatisfy(problem -> assertThat(problem).startsWith(JitConfigProperties.ROLE_VALUES.key() + ":"));
        }

        @Test
        void anUnknownTargetIsDroppedAndTheRestKept() {
            JitSettings settings = parse(JitConfigProperties.ATTRIBUTE_MAPPING.key(),
                    "[{\"key\":\"mail\",\"value\":\"USER_MAIL\"},{\"key\":\"sn\",\"value\":\"USER_LAST_NAME\"}]");

            assertThat(settings.get(JitConfigProperties.ATTRIBUTE_MAPPING)).containsExactly(entry("sn", AttributeTarget.USER_LAST_NAME));
            assertThat(settings.problems()).singleElement().asString().contains("USER_MAIL");
        }

        @Test
        void entriesWithoutKeyOrValueAreSkippedSilently() {
            JitSettings settings = parse(JitConfigProperties.ROLE_VALUES.key(),
                    "[null,{\"key\":\" \",\"value\":\"x\"},{\"key\":\"a\"},{\"key\":\"b\",\"value\":\"role-b\"}]");

            assertThat(settings.get(JitConfigProperties.ROLE_VALUES)).containsExactly(entry("b", "role-b"));
            assertThat(settings.problems()).isEmpty();
        }

        @Test
        void anUnknownPolicyFallsBackToDefaultRole() {
            JitSettings settings = parse(JitConfigProperties.UNKNOWN_ROLE_POLICY.key(), "REJECT");

            assertThat(settings.get(JitConfigProperties.UNKNOWN_ROLE_POLICY)).isEqualTo(UnknownRolePolicy.DEFAULT_ROLE);
            assertThat(settings.problems()).singleElement().asString().contains("REJECT");
        }

        @ParameterizedTest
        @ValueSource(strings = {"yes", "1", "on"})
        void aNonBooleanKeepsTheDefaultOfEachSwitch(String text) {
            JitSettings settings = parse(JitConfigProperties.JIT_ENABLED.key(), text, JitConfigProperties.IDP_MANAGED_ROLES.key(), text);

            assertThat(settings.get(JitConfigProperties.JIT_ENABLED)).isTrue();
            assertThat(settings.get(JitConfigProperties.IDP_MANAGED_ROLES)).isFalse();
            assertThat(settings.problems()).hasSize(2).allSatisfy(problem -> assertThat(problem).contains(text));
        }
    }

    @Nested
    @DisplayName("given an allowlist")
    class Allowlist {

        @Test
        void itIsSplitOnDoubleHashTrimmedAndDeduplicated() {
            JitSettings settings = parse(JitConfigProperties.ASSIGNABLE_ROLES.key(), " editor ##  ##viewer####editor## my-app.admin ");

            assertThat(settings.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactly("editor", "viewer", "my-app.admin");
        }

        @Test
        @DisplayName("one role per line, as the admin console's text area stores it (Windows line ends too)")
        void itIsSplitOnLines() {
            JitSettings settings = parse(JitConfigProperties.ASSIGNABLE_ROLES.key(), "editor\nviewer\r\n\n my-app.admin \n");

            assertThat(settings.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactly("editor", "viewer", "my-app.admin");
            assertThat(settings.toConfig()).containsEntry(JitConfigProperties.ASSIGNABLE_ROLES.key(), "editor\nviewer\nmy-app.admin");
        }

        @Test
        void onlyBlanksMeansNoAllowlist() {
            assertThat(parse(JitConfigProperties.ASSIGNABLE_ROLES.key(), " ## ").get(JitConfigProperties.ASSIGNABLE_ROLES)).isEmpty();
        }
    }

    @Nested
    @DisplayName("given settings made with the builder")
    class RoundTrip {

        @Test
        void storedConfigReadsBackTheSame() {
            JitSettings built = JitSettings.builder()
                    .set(JitConfigProperties.JIT_ENABLED, false)
                    .set(JitConfigProperties.DEFAULT_ROLE, "staff")
                    .set(JitConfigProperties.IDP_MANAGED_ROLES, true)
                    .map("role", AttributeTarget.USER_ROLE)
                    .map("mail", AttributeTarget.USER_EMAIL)
                    .roleValue("Engineering", "my-app.developer")
                    .set(JitConfigProperties.UNKNOWN_ROLE_POLICY, UnknownRolePolicy.KEEP_CURRENT)
                    .assignableRole("my-app.developer")
                    .assignableRole("staff")
                    .build();

            JitSettings reread = JitSettings.from(built.toConfig());

            assertThat(reread.get(JitConfigProperties.JIT_ENABLED)).isFalse();
            assertThat(reread.get(JitConfigProperties.DEFAULT_ROLE)).isEqualTo("staff");
            assertThat(reread.get(JitConfigProperties.IDP_MANAGED_ROLES)).isTrue();
            assertThat(reread.get(JitConfigProperties.ATTRIBUTE_MAPPING)).containsExactly(
                    entry("role", AttributeTarget.USER_ROLE), entry("mail", AttributeTarget.USER_EMAIL));
            assertThat(reread.get(JitConfigProperties.ROLE_VALUES)).containsExactly(entry("Engineering", "my-app.developer"));
            assertThat(reread.get(JitConfigProperties.UNKNOWN_ROLE_POLICY)).isEqualTo(UnknownRolePolicy.KEEP_CURRENT);
            assertThat(reread.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactly("my-app.developer", "staff");
            assertThat(reread.toConfig()).isEqualTo(built.toConfig());
            assertThat(reread.problems()).isEmpty();
        }

        @Test
        @DisplayName("no chosen default role is the setting's own default, Agent: defined once, on the setting")
        void noChosenDefaultRoleIsTheSettingsDefault() {
            Map<String, String> stored = JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, null).build().toConfig();

            assertThat(stored).containsEntry(JitConfigProperties.DEFAULT_ROLE.key(), "Agent")
                    .doesNotContainKey(JitConfigProperties.ASSIGNABLE_ROLES.key());
            assertThat(JitSettings.from(Map.of()).get(JitConfigProperties.DEFAULT_ROLE)).isEqualTo("Agent");
            assertThat(JitConfigProperties.DEFAULT_ROLE.property().getDefaultValue()).as("the mapper form shows it").isEqualTo("Agent");
        }
    }

    @Nested
    @DisplayName("given a gate that is set but unusable")
    class Unusable {

        @ParameterizedTest
        @ValueSource(strings = {"@corp.example", "*.corp.example", "corp.example##*.corp.example", "bob@corp.example",
                "corp.example.", "corp", "-corp.example"})
        @DisplayName("allowed email domains with any entry that is not a domain: unusable, and the entry is kept, never dropped")
        void domainsWithAnEntryThatIsNotADomain(String stored) {
            JitSettings settings = parse(JitConfigProperties.ALLOWED_EMAIL_DOMAINS.key(), stored);

            assertThat(settings.unusable()).singleElement().satisfies(unusable -> {
                assertThat(unusable.key()).isEqualTo("allowed.email.domains");
                assertThat(unusable.code().name()).isEqualTo("INVALID_EMAIL_DOMAIN");
                assertThat(unusable.message()).contains("SETTINGS_INVALID");
            });
            assertThat(settings.get(JitConfigProperties.ALLOWED_EMAIL_DOMAINS)).as("every entry kept as stored").containsExactly(stored.split("##"));
            assertThat(settings.problems()).as("said once, by unusable()").isEmpty();
            assertThat(JitSettings.from(settings.toConfig()).unusable()).as("stored again, still unusable").hasSize(1);
        }

        @Test
        @DisplayName("allowed email domains are kept in their canonical form: IDNA ASCII, lower case, each once")
        void domainsAreCanonical() {
            JitSettings settings = parse(JitConfigProperties.ALLOWED_EMAIL_DOMAINS.key(),
                    " ACME.test \nacme.TEST\nB\u00FCcher.example\n\u0131nitech.test");

            assertThat(settings.get(JitConfigProperties.ALLOWED_EMAIL_DOMAINS)).containsExactly("acme.test", "xn--bcher-kva.example", "xn--nitech-o9a.test");
            assertThat(settings.unusable()).isEmpty();
        }

        @Test
        @DisplayName("a required attribute without required values is unusable (INVALID_REQUIRED_VALUES)")
        void attributeWithoutValues() {
            JitSettings settings = parse(JitConfigProperties.REQUIRED_ATTRIBUTE.key(), "status");

            assertThat(settings.unusable()).singleElement().satisfies(unusable -> {
                assertThat(unusable.key()).isEqualTo("required.values");
                assertThat(unusable.code().name()).isEqualTo("INVALID_REQUIRED_VALUES");
            });
        }

        @Test
        @DisplayName("required values without a required attribute are unusable (INVALID_REQUIRED_ATTRIBUTE)")
        void valuesWithoutAttribute() {
            JitSettings settings = parse(JitConfigProperties.REQUIRED_VALUES.key(), "active");

            assertThat(settings.unusable()).singleElement().satisfies(unusable -> {
                assertThat(unusable.key()).isEqualTo("required.attribute");
                assertThat(unusable.code().name()).isEqualTo("INVALID_REQUIRED_ATTRIBUTE");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u200B", "active##\u200B\u200E", "\u2066\u2069"})
        @DisplayName("a required value that cleans to nothing (invisible characters only) is unusable")
        void valueThatCleansToNothing(String values) {
            JitSettings settings = parse(JitConfigProperties.REQUIRED_ATTRIBUTE.key(), "status", JitConfigProperties.REQUIRED_VALUES.key(),
                    values);

            assertThat(settings.unusable()).singleElement().satisfies(unusable -> assertThat(unusable.key()).isEqualTo("required.values"));
        }

        @Test
        @DisplayName("usable gates: a domain list, a required attribute with values, neither")
        void usable() {
            assertThat(parse(JitConfigProperties.ALLOWED_EMAIL_DOMAINS.key(), "acme.test", JitConfigProperties.REQUIRED_ATTRIBUTE.key(),
                    "status", JitConfigProperties.REQUIRED_VALUES.key(), "active").unusable()).isEmpty();
            assertThat(parse().unusable()).isEmpty();
            assertThat(parse(JitConfigProperties.REQUIRED_VALUES.key(), " ## ").unusable()).as("blank is not set").isEmpty();
        }

        @Test
        @DisplayName("settings made in code are checked alike (what the REST setup is about to store)")
        void builtSettings() {
            JitSettings settings = JitSettings.builder().set(JitConfigProperties.REQUIRED_ATTRIBUTE, "status").build();

            assertThat(settings.unusable()).extracting(UnusableSetting::code).containsExactly(ProblemCode.INVALID_REQUIRED_VALUES);
        }
    }
}
