package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * A gate or allowlist setting that is set but unusable refuses every sign-in it governs, with SETTINGS_INVALID, and
 * never lets anyone in. Keycloak calls no validation hook when an identity-provider mapper is saved through its admin
 * REST API (or the console's mapper form, which uses it), so such settings can be stored: each case below is saved
 * exactly that way, then a real signed SAML sign-in is made.
 */
@DisplayName("Gates and allowlists fail closed: a setting that is set but unusable refuses everyone with SETTINGS_INVALID")
class FailClosedGatesIT {

    /**
     * A setting stored as Keycloak's own mapper REST accepts it.
     *
     * @param rule     the setting the refusal names (its key)
     * @param unusable the stored config that cannot be used
     * @param usable   its twin that can, and lets the person in
     */
    record Case(String name, String rule, Map<String, String> unusable, Map<String, String> usable) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("allowed email domains '@acme.test'", "allowed.email.domains",
                        Map.of("allowed.email.domains", "@acme.test"), Map.of("allowed.email.domains", "acme.test")),
                new Case("allowed email domains '*.acme.test' beside 'acme.test'", "allowed.email.domains",
                        Map.of("allowed.email.domains", "acme.test\n*.acme.test"), Map.of("allowed.email.domains", "acme.test")),
                new Case("a required attribute without required values", "required.values",
                        Map.of("required.attribute", "status"), Map.of("required.attribute", "status", "required.values", "active")),
                new Case("required values without a required attribute", "required.attribute",
                        Map.of("required.values", "active"), Map.of("required.attribute", "status", "required.values", "active")),
                new Case("a required value that cleans to nothing", "required.values",
                        Map.of("required.attribute", "status", "required.values", "\u200B\u200E"),
                        Map.of("required.attribute", "status", "required.values", "active")),
                new Case("assignable roles naming no role", "assignable.roles",
                        Map.of("assignable.roles", "ghost\nmy-app.nothing"), Map.of("assignable.roles", "developer\nghost")),
                new Case("assignable groups naming no group", "assignable.groups",
                        Map.of("assignable.groups", "/gone"), Map.of("assignable.groups", "/engineering\n/gone")));
    }

    static SamlBrokerFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = GroupsAndGatesIT.fixture("fail-closed", GroupsAndGatesIT.settings().build());
        // The groups the base settings' group values name: the unusable gate is then the settings' one problem.
        fixture.createGroup(fixture.createGroup(null, "engineering"), "backend");
    }

    @AfterAll
    static void tearDown() {
        fixture.delete();
    }

    /** The JIT mapper's config saved through Keycloak's own mapper REST API: the base settings with {@code changes}. */
    static void storeThroughKeycloak(Map<String, String> changes) {
        Map<String, String> config = new LinkedHashMap<>(GroupsAndGatesIT.settings().build().toConfig());
        config.putAll(changes);
        fixture.configureJit(config);
        assertThat(fixture.jitMapper().getConfig()).containsAllEntriesOf(changes);
    }

    static String username(Case gate, String suffix) {
        return "fc" + cases().toList().indexOf(gate) + suffix;
    }

    static String idpPath() {
        return "/" + fixture.brokerRealm() + "/jit-provisioning/identity-providers/" + SamlBrokerFixture.IDP_ALIAS;
    }

    /** The REST API's settings problems: sentences. */
    static List<String> problems(JsonNode summary) {
        List<String> problems = new ArrayList<>();
        summary.get("settings").get("problems").forEach(problem -> problems.add(problem.asText()));
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a first sign-in is refused with SETTINGS_INVALID on the page and in the event, and nothing is written")
    void firstSignInIsRefused(Case gate) {
        storeThroughKeycloak(gate.unusable());
        fixture.clearEvents();
        String user = username(gate, "new");
        fixture.idpUser(user, IdpPerson.named(user, "Grouped").email(user + "@acme.test").roles("developer")
                .groups("/engineering").status("active"));

        LoginResult login = fixture.login(user);

        assertThat(login.isLoggedIn()).as("%s", login).isFalse();
        Refused.withCode(login, "SETTINGS_INVALID");
        assertThat(login.lastStatus()).isEqualTo(403);
        assertThat(login.lastText()).contains("is not set up correctly here", "SETTINGS_INVALID");
        assertThat(fixture.brokerUser(user)).as("no account, so no link, role, group, session or provenance").isNull();
        List<EventRepresentation> errors = fixture.events("IDENTITY_PROVIDER_FIRST_LOGIN_ERROR");
        assertThat(errors).singleElement().satisfies(event -> {
            assertThat(event.getError()).isEqualTo("jit_settings_invalid");
            assertThat(event.getDetails()).containsEntry("jit_error", "SETTINGS_INVALID")
                    .containsEntry("identity_provider", SamlBrokerFixture.IDP_ALIAS).doesNotContainKey("jit_roles_refused");
        });
        assertThat(fixture.events("REGISTER")).isEmpty();
        assertThat(fixture.events("LOGIN")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("the REST API's GET and the preview's settings problems name the unusable setting; the preview refuses alike")
    void restAndPreviewShowIt(Case gate) {
        storeThroughKeycloak(gate.unusable());
        String user = username(gate, "pre");

        JsonNode summary = fixture.admin().get(idpPath()).expect(200).json();
        JsonNode preview = fixture.admin().post(idpPath() + "/preview", map("nameId", user, "attributes",
                map("email", List.of(user + "@acme.test"), "status", List.of("active"), "role", List.of("developer"),
                        "groups", List.of("/engineering")))).expect(200).json();

        assertThat(problems(summary)).singleElement().satisfies(problem ->
                assertThat(problem).startsWith(gate.rule() + " is set but unusable").contains("SETTINGS_INVALID"));
        assertThat(preview.get("settingsProblems").findParents("code")).singleElement().satisfies(problem -> {
            assertThat(problem.get("code").asText()).isEqualTo("SETTINGS_INVALID");
            assertThat(problem.get("message").asText()).startsWith(gate.rule() + " is set but unusable");
        });
        assertThat(preview.get("decision").get("outcome").asText()).isEqualTo("refuse");
        assertThat(preview.get("decision").get("code").asText()).isEqualTo("SETTINGS_INVALID");
        assertThat(preview.get("decision").get("rule").asText()).isEqualTo(gate.rule());
        assertThat(fixture.brokerUser(user)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("twin: the same setting with a usable value still lets the allowed person in, with no page")
    void usableTwinAdmits(Case gate) {
        storeThroughKeycloak(gate.usable());
        String user = username(gate, "ok");
        fixture.idpUser(user, IdpPerson.named(user, "Grouped").email(user + "@acme.test").roles("developer")
                .groups("/engineering").status("active"));

        LoginResult login = fixture.login(user);

        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
        UserRepresentation account = fixture.brokerUser(user);
        assertThat(fixture.realmRolesOf(account.getId())).containsExactly("developer");
        assertThat(fixture.groupsOf(account.getId())).containsExactly("/engineering");
        JsonNode summary = fixture.admin().get(idpPath()).expect(200).json();
        assertThat(problems(summary)).noneSatisfy(problem -> assertThat(problem).contains("SETTINGS_INVALID"));
    }

    @Test
    @DisplayName("an existing account's later sign-in is refused too, and nothing on the account changes")
    void laterSignInIsRefused() {
        storeThroughKeycloak(Map.of("allowed.email.domains", "acme.test"));
        fixture.idpUser("fc-later", IdpPerson.named("fc-later", "Grouped").email("fc-later@acme.test").roles("developer")
                .groups("/engineering").status("active"));
        assertThat(fixture.login("fc-later").isLoggedIn()).isTrue();
        UserRepresentation before = fixture.brokerUser("fc-later");
        fixture.logout(before.getId());
        fixture.idpUser("fc-later", IdpPerson.named("Changed", "Grouped").email("fc-later@acme.test").roles("support").groups()
                .status("active"));
        storeThroughKeycloak(Map.of("allowed.email.domains", "*.acme.test"));
        fixture.clearEvents();

        LoginResult login = fixture.login("fc-later");

        Refused.withCode(login, "SETTINGS_INVALID");
        UserRepresentation after = fixture.brokerUser("fc-later");
        assertThat(after.getFirstName()).isEqualTo(before.getFirstName());
        assertThat(fixture.realmRolesOf(after.getId())).containsExactly("developer");
        assertThat(fixture.groupsOf(after.getId())).containsExactly("/engineering");
        assertThat(fixture.grantedRoles(after.getId())).isEqualTo(Map.of(SamlBrokerFixture.IDP_ALIAS, List.of("developer")));
        assertThat(fixture.federatedIdentities(after.getId())).hasSize(1);
        assertThat(fixture.sessionsOf(after.getId())).isEmpty();
        assertThat(fixture.events("IDENTITY_PROVIDER_LOGIN_ERROR")).singleElement()
                .satisfies(event -> assertThat(event.getDetails()).containsEntry("jit_error", "SETTINGS_INVALID"));
    }

    /** What the one-step REST setup answers the same mistakes with; the console's setup page runs the same checks. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("the REST setup refuses to store an unusable setting, with its code, and changes nothing")
    class RestSetupRefuses {

        Stream<Object[]> bodies() {
            return Stream.of(
                    new Object[] {map("allowedEmailDomains", List.of("@acme.test")), "INVALID_EMAIL_DOMAIN"},
                    new Object[] {map("allowedEmailDomains", List.of("acme.test", "*.acme.test")), "INVALID_EMAIL_DOMAIN"},
                    new Object[] {map("requiredAttribute", "status"), "INVALID_REQUIRED_VALUES"},
                    new Object[] {map("requiredValues", List.of("active")), "INVALID_REQUIRED_ATTRIBUTE"},
                    new Object[] {map("requiredAttribute", "status", "requiredValues", List.of("\u200B")), "INVALID_REQUIRED_VALUES"},
                    new Object[] {map("assignableRoles", List.of("ghost")), "UNKNOWN_ASSIGNABLE_ROLE"},
                    new Object[] {map("assignableGroups", List.of("/gone")), "UNKNOWN_ASSIGNABLE_GROUP"});
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("bodies")
        void refused(Map<String, Object> body, String code) {
            storeThroughKeycloak(Map.of());
            Map<String, String> stored = fixture.jitMapper().getConfig();

            AdminApi.Reply reply = fixture.admin().put(idpPath(), body);

            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().get("errors").findValuesAsText("code")).containsExactly(code);
            assertThat(fixture.jitMapper().getConfig()).isEqualTo(stored);
        }

        @Test
        @DisplayName("a stored unusable setting is not carried through an update that leaves it out")
        void storedUnusableSettingBlocksAnUpdate() {
            storeThroughKeycloak(Map.of("required.attribute", "status"));
            Map<String, String> stored = fixture.jitMapper().getConfig();

            AdminApi.Reply reply = fixture.admin().put(idpPath(), map("jitEnabled", true));

            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.json().get("errors").findValuesAsText("code")).containsExactly("INVALID_REQUIRED_VALUES");
            assertThat(fixture.jitMapper().getConfig()).isEqualTo(stored);
            assertThat(fixture.admin().put(idpPath(), map("requiredValues", List.of("active"))).status()).isEqualTo(200);
        }
    }
}
