package io.jitprovisioning.docs;

import static io.jitprovisioning.docs.ReferenceDocTest.firstColumn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.admission.LinkRule;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.RealmCatalog;
import io.jitprovisioning.config.Setting;
import io.jitprovisioning.config.SettingsInput;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/**
 * Every code the admin API, the one-step setup and the preview can answer appears in docs/rest-api.md, and the docs
 * name no code the code cannot answer. The codes are read from {@link ProblemCode}, by kind; the settings' codes are
 * also asked of the settings model itself. The decision rules and parse failures are free strings: they are listed
 * here, and {@link #everyCodeLiteralIsListed()} fails when a new one appears in the code without being listed.
 */
@DisplayName("docs/rest-api.md names every code the code answers")
class CodesDocTest {

    private static final Markdown REST = Markdown.of(Path.of("docs/rest-api.md"));

    /** The request codes (the setup's and the admin API's own), with the status each is answered with. */
    static final Map<String, String> SETUP_CODES = byKind(ProblemCode.Kind.REQUEST).stream().collect(java.util.stream.Collectors.toMap(
            Enum::name, code -> code == ProblemCode.ALIAS_EXISTS ? "409" : code.isError() ? "400" : "warning"));

    /** What a preview body can be refused with: its own codes, and the request codes any body may get. */
    static final Set<String> PREVIEW_INPUT_CODES = Stream.concat(byKind(ProblemCode.Kind.PREVIEW_INPUT).stream(),
            Stream.of(ProblemCode.INVALID_REQUEST, ProblemCode.UNKNOWN_FIELD)).map(Enum::name).collect(java.util.stream.Collectors.toSet());

    /** The preview's settingsProblems codes: the setup checks, and the names that do not exist (references/MissingNames). */
    static final Set<String> SETTINGS_PROBLEMS = Stream.concat(byKind(ProblemCode.Kind.SETUP_CHECK).stream(),
            Stream.of(ProblemCode.UNKNOWN_ROLE_VALUE_TARGET, ProblemCode.UNKNOWN_GROUP)).map(Enum::name)
            .collect(java.util.stream.Collectors.toSet());

    /** preview/ResponseDecoder: why the parse check fails; the last three are the metadata parser's. */
    static final Set<String> PARSE_FAILURES = Set.of("NOT_BASE64", "NOT_A_RESPONSE", ProblemCode.NOT_WELL_FORMED.name(),
            ProblemCode.DOCTYPE_FORBIDDEN.name(), ProblemCode.TOO_LARGE.name());

    /** admission/, login/, preview/: the decision rules besides LinkRule's, free strings today. */
    static final Set<String> RULES = Set.of("NEW_ACCOUNT", "LINKED_IDENTITY", "NO_ACCOUNT_AND_JIT_OFF", "NO_USERNAME",
            "USERNAME_NOT_CLEAN", "UNTRUSTED_EMAIL_IN_USE", "EMAIL_IN_ANOTHER_ORGANIZATION_DOMAIN", "ALLOWED_EMAIL_DOMAINS",
            "REQUIRED_ATTRIBUTE", "UNKNOWN_ROLE_POLICY_DENY", "VIEW_USERS_REQUIRED", "ACCOUNT_GONE", "ACCOUNT_CHANGED",
            "TAKEN_BY_A_CONCURRENT_SIGN_IN");

    /** The settings that can be set but unusable (config/UnusableSettings, the allowlists): each is a rule's name. */
    static final List<Setting<?>> UNUSABLE_SETTINGS = List.of(JitConfigProperties.ALLOWED_EMAIL_DOMAINS,
            JitConfigProperties.REQUIRED_ATTRIBUTE, JitConfigProperties.REQUIRED_VALUES, JitConfigProperties.ASSIGNABLE_ROLES,
            JitConfigProperties.ASSIGNABLE_GROUPS);

    /** Upper-case string literals of the scanned packages that are no code: the prefix of the settings' codes. */
    static final Set<String> NOT_CODES = Set.of("INVALID_");

    private static final List<Path> SCANNED = Stream.of("admin", "preview", "config", "login", "admission", "sync")
            .map(name -> Path.of("src/main/java/io/jitprovisioning", name)).toList();
    /** An upper-case string literal, or the code at the start of a message ("NOT_BASE64: ..."). */
    private static final Pattern CODE_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]{2,})[\":]");
    private static final Pattern CHECK_NAME = Pattern.compile(
            "Check\\.(?:passed|failed|notApplicable)\\(\"([a-z_]+)\"|String CHECK = \"([a-z_]+)\"");

    @Test
    @DisplayName("Metadata codes: exactly the METADATA codes, each an error or a warning as the code says")
    void metadataCodes() {
        List<Map<String, String>> rows = REST.table("Metadata codes", "Code");

        assertThat(firstColumn(rows)).containsExactlyInAnyOrderElementsOf(byKind(ProblemCode.Kind.METADATA).stream().map(Enum::name).toList());
        SoftAssertions softly = new SoftAssertions();
        rows.forEach(row -> softly.assertThat(row.get("Kind")).as(row.get("Code"))
                .isEqualTo(ProblemCode.valueOf(Markdown.codes(row.get("Code")).get(0)).isError() ? "error" : "warning"));
        softly.assertAll();
    }

    @Test
    @DisplayName("Setup codes: exactly the setup's own codes and every code of the settings model, each with its status")
    void setupCodes() {
        Map<String, String> expected = new TreeMap<>(SETUP_CODES);
        expected.putAll(settingCodes());
        SoftAssertions softly = new SoftAssertions();
        Set<String> documented = new TreeSet<>();
        for (Map<String, String> row : REST.table("Setup codes (besides the metadata codes)", "Code")) {
            for (String code : Markdown.codes(row.get("Code"))) {
                documented.add(code);
                softly.assertThat(row.get("Status")).as("status of %s", code).isEqualTo(expected.get(code));
            }
        }
        softly.assertThat(documented).containsExactlyInAnyOrderElementsOf(expected.keySet());
        softly.assertAll();
    }

    @Test
    @DisplayName("docs/organizations.md: exactly the organization guardrail codes, each with its status")
    void organizationCodes() {
        Map<String, String> documented = new TreeMap<>();
        for (Map<String, String> row : Markdown.of(Path.of("docs/organizations.md")).table("Guardrail codes", "Code")) {
            Markdown.codes(row.get("Code")).forEach(code -> documented.put(code, row.get("Status")));
        }
        Map<String, String> expected = new TreeMap<>();
        byKind(ProblemCode.Kind.ORGANIZATION).forEach(code -> expected.put(code.name(), code.name().startsWith("LINK_") ? "410" : "400"));
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    @DisplayName("Preview input codes: exactly those a preview body is refused with")
    void previewInputCodes() {
        assertThat(firstColumn(REST.table("Preview input codes", "Code"))).containsExactlyInAnyOrderElementsOf(PREVIEW_INPUT_CODES);
    }

    @Test
    @DisplayName("the preview's checks: exactly the checks the code makes, and every reason the parse check fails")
    void checks() {
        List<Map<String, String>> rows = REST.table("Preview a sign-in", "Check");

        assertThat(firstColumn(rows)).containsExactlyInAnyOrderElementsOf(checkNames());
        String parse = rows.stream().filter(row -> row.get("Check").equals("`parse`")).findFirst().orElseThrow().toString();
        assertThat(Markdown.codes(parse)).containsAll(PARSE_FAILURES);
    }

    @Test
    @DisplayName("the preview's settings problems: every code, and no other")
    void settingsProblems() {
        Matcher paragraph = Pattern.compile("\\*\\*Settings problems\\*\\*(.*?)\\n\\n", Pattern.DOTALL).matcher(REST.section("Preview a sign-in"));
        assertThat(paragraph.find()).as("a paragraph on the settings problems").isTrue();
        List<String> codes = Markdown.codes(paragraph.group(1)).stream().filter(code -> code.matches("[A-Z][A-Z0-9_]+")).toList();

        assertThat(codes).containsExactlyInAnyOrderElementsOf(SETTINGS_PROBLEMS);
    }

    @Test
    @DisplayName("Decision rules: every rule, and each linking rule with the outcome LinkRule gives it")
    void decisionRules() {
        List<Map<String, String>> rows = REST.table("Decision rules", "Rule");
        Set<String> expected = new TreeSet<>(RULES);
        Arrays.stream(LinkRule.values()).map(Enum::name).forEach(expected::add);
        UNUSABLE_SETTINGS.stream().map(Setting::key).forEach(expected::add);
        Set<String> documented = new TreeSet<>(firstColumn(rows));
        documented.removeAll(checkNames());

        assertThat(documented).containsExactlyInAnyOrderElementsOf(expected);
        SoftAssertions softly = new SoftAssertions();
        for (LinkRule rule : LinkRule.values()) {
            String outcome = rows.stream().filter(row -> row.get("Rule").equals("`" + rule.name() + "`")).findFirst()
                    .map(row -> row.get("Outcome")).orElse("(no row)");
            softly.assertThat(outcome).as(rule.name()).isEqualTo(rule.links() ? "link" : "refuse `" + rule.refusal().name() + "`");
        }
        softly.assertAll();
    }

    @Test
    @DisplayName("every upper-case string literal of admin/, preview/, config/, login/ and admission/ is a code listed here")
    void everyCodeLiteralIsListed() {
        Set<String> known = new HashSet<>(SETUP_CODES.keySet());
        known.addAll(settingCodes().keySet());
        known.addAll(PREVIEW_INPUT_CODES);
        known.addAll(SETTINGS_PROBLEMS);
        known.addAll(PARSE_FAILURES);
        known.addAll(RULES);
        known.addAll(NOT_CODES);
        Map<String, Path> literals = scan(CODE_LITERAL);

        assertThat(literals).as("the scan reads the code").isNotEmpty();
        assertThat(new TreeMap<>(literals)).as("codes in the code that no list here (and so maybe no document) names")
                .allSatisfy((code, file) -> assertThat(known).as("%s in %s", code, file).contains(code));
    }

    @Test
    @DisplayName("the scans find what they look for")
    void scansWork() {
        assertThat(literals("throw new Refuse(\"NO_USERNAME\", \"...\"); failed(\"NOT_BASE64: the input\"); x = \"Sales\";"))
                .containsExactly("NO_USERNAME", "NOT_BASE64");
        assertThat(checkNames()).contains("parse", "signature", "subject", "time_window");
        assertThat(settingCodes()).containsEntry("INVALID_JIT_ENABLED", "400").containsEntry("UNKNOWN_DEFAULT_ROLE", "400")
                .containsEntry("PROTECTED_ASSIGNABLE_ROLE", "warning");
    }

    /**
     * Every code the settings model answers an administrator with, found by asking it: each setting given a value of
     * every JSON shape, in a realm where every role and group is unknown, then one where every one is protected.
     * Errors are answered with 400, warnings ride along.
     */
    static Map<String, String> settingCodes() {
        Map<String, String> codes = new TreeMap<>();
        for (Setting<?> setting : JitConfigProperties.SETTINGS) {
            for (String value : List.of("\"x\"", "[\"x\"]", "{\"x\":\"x\"}", "{\"x\":{}}", "true")) {
                for (RealmCatalog.Status status : List.of(RealmCatalog.Status.UNKNOWN, RealmCatalog.Status.PROTECTED)) {
                    SettingsInput input = SettingsInput.fromJson(json("{\"" + setting.name() + "\":" + value + "}"), everything(status));
                    input.errors().forEach(issue -> codes.put(String.valueOf(issue.code()), "400"));
                    input.warnings().stream().map(Problem::code).map(String::valueOf).forEach(code -> codes.putIfAbsent(code, "warning"));
                }
            }
        }
        return codes;
    }

    private static RealmCatalog everything(RealmCatalog.Status status) {
        return new RealmCatalog() {
            @Override
            public Status role(String roleName) {
                return status;
            }

            @Override
            public Status group(String pathOrName) {
                return status;
            }
        };
    }

    private static JsonNode json(String text) {
        try {
            return JsonSerialization.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every code of a kind; each code of the code base is one of ProblemCode's. */
    static List<ProblemCode> byKind(ProblemCode.Kind kind) {
        return Arrays.stream(ProblemCode.values()).filter(code -> code.kind() == kind).toList();
    }

    @Test
    @DisplayName("every setting-kind code is one the settings model answers: the enum lists no code that cannot come")
    void settingCodesAreTheModels() {
        assertThat(settingCodes().keySet()).containsExactlyInAnyOrderElementsOf(byKind(ProblemCode.Kind.SETTING).stream().map(Enum::name).toList());
    }

    /** The preview's check names, as the code writes them. */
    static Set<String> checkNames() {
        return new TreeSet<>(scan(CHECK_NAME).keySet());
    }

    private static List<String> literals(String source) {
        return matches(CODE_LITERAL, source);
    }

    private static List<String> matches(Pattern pattern, String source) {
        Matcher matcher = pattern.matcher(source);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        }
        return found;
    }

    /** What the pattern finds in the scanned packages' sources, with a file each was found in. */
    private static Map<String, Path> scan(Pattern pattern) {
        Map<String, Path> found = new TreeMap<>();
        for (Path dir : SCANNED) {
            assertThat(dir).isDirectory();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    matches(pattern, Files.readString(file)).forEach(code -> found.putIfAbsent(code, file));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }
}
