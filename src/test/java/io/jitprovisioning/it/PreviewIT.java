package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.UnknownRolePolicy;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.MasterAdmins;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SamlLogin;
import io.jitprovisioning.testsupport.SamlXml;
import io.jitprovisioning.testsupport.SharedKeycloak;

/**
 * The preview against real sign-ins: the IdP issues a signed response, the preview reads it and must write nothing,
 * then the very same response is posted to the broker, and the sign-in must do what the preview said.
 */
@DisplayName("Preview of a sign-in: it writes nothing, and the real sign-in that follows does what it said")
class PreviewIT {

    static final List<String> SIGN_IN_EVENTS = List.of("IDENTITY_PROVIDER_LOGIN", "IDENTITY_PROVIDER_LOGIN_ERROR",
            "IDENTITY_PROVIDER_FIRST_LOGIN", "IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", "REGISTER", "LOGIN");

    static SamlBrokerFixture fixture(String name, JitSettings settings) {
        SamlBrokerFixture fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), name, settings.toConfig());
        for (String role : List.of("support", "developer", "tester", "auditor")) {
            fixture.createRealmRole(role);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> realm = fixture.admin().get("/" + name, Map.class);
        realm.put("adminEventsEnabled", true);
        realm.put("adminEventsDetailsEnabled", true);
        fixture.admin().put("/" + name, realm).expect(204);
        return fixture;
    }

    static String previewPath(SamlBrokerFixture fixture) {
        return "/" + fixture.brokerRealm() + "/jit-provisioning/identity-providers/" + SamlBrokerFixture.IDP_ALIAS + "/preview";
    }

    /** The realm's admin events of previews, newest first. */
    static List<AdminEventRepresentation> previewEvents(AdminApi admin, String realm) {
        return admin.get("/" + realm + "/admin-events?max=1000", new TypeReference<List<AdminEventRepresentation>>() {
        }).stream().filter(event -> String.valueOf(event.getResourcePath()).endsWith("/jit-preview")).toList();
    }

    static JsonNode preview(SamlBrokerFixture fixture, Map<String, Object> body) {
        return fixture.admin().post(previewPath(fixture), body).expect(200).json();
    }

    /** Everything a sign-in could write in the broker realm: accounts, their roles, groups and links, sign-in events. */
    static String state(SamlBrokerFixture fixture) {
        StringBuilder state = new StringBuilder();
        for (UserRepresentation user : fixture.brokerUsers()) {
            state.append(user.getUsername()).append(user.getEmail()).append(user.getFirstName()).append(user.isEnabled())
                    .append(fixture.realmRolesOf(user.getId())).append(fixture.groupsOf(user.getId()))
                    .append(fixture.federatedIdentities(user.getId()).size()).append('\n');
        }
        SIGN_IN_EVENTS.forEach(type -> state.append(type).append('=').append(fixture.events(type).size()).append('\n'));
        return state.toString();
    }

    /** A preview of the response the IdP issued for a user, and the sign-in with that very response. */
    record Agreement(JsonNode report, LoginResult login) {
        String outcome() {
            return report.get("decision").get("outcome").asText();
        }

        String code() {
            JsonNode code = report.get("decision").get("code");
            return code == null ? null : code.asText();
        }

        String rule() {
            return report.get("decision").get("rule").asText();
        }

        List<String> list(String what, String which) {
            List<String> values = new ArrayList<>();
            report.get(what).get(which).forEach(value -> values.add(value.asText()));
            return values;
        }
    }

    static Agreement previewThenSignIn(SamlBrokerFixture fixture, String username) {
        return previewThenSignIn(fixture, username, UnaryOperator.identity());
    }

    static Agreement previewThenSignIn(SamlBrokerFixture fixture, String username, UnaryOperator<String> tamper) {
        SamlLogin.Captured captured = fixture.samlLogin().captureResponse(username, SamlBrokerFixture.PASSWORD);
        String response = SamlXml.encode(tamper.apply(SamlXml.decode(captured.samlResponse())));
        String before = state(fixture);

        JsonNode report = preview(fixture, map("samlResponse", response));

        assertThat(state(fixture)).as("what the preview wrote").isEqualTo(before);
        LoginResult login = captured.post(fields -> {
            Map<String, String> changed = new LinkedHashMap<>(fields);
            changed.put("SAMLResponse", response);
            return changed;
        });
        return new Agreement(report, login);
    }

    /**
     * The sign-in did what the preview said: signed in or refused with the same code, and the account holds the
     * roles it held before, minus those revoked, plus those granted (groups likewise).
     */
    static void assertAgree(SamlBrokerFixture fixture, Agreement agreement, String userId, List<String> rolesBefore,
                            List<String> groupsBefore) {
        if ("refuse".equals(agreement.outcome())) {
            Refused.withCode(agreement.login(), agreement.code());
        } else {
            assertThat(agreement.login().isLoggedIn()).as("%s", agreement.login()).isTrue();
        }
        if (userId == null) {
            return;
        }
        assertThat(fixture.realmRolesOf(userId)).as("roles after the sign-in")
                .isEqualTo(expected(rolesBefore, agreement.list("roles", "revoke"), agreement.list("roles", "grant")));
        assertThat(fixture.groupsOf(userId)).as("groups after the sign-in")
                .isEqualTo(expected(groupsBefore, agreement.list("groups", "revoke"), agreement.list("groups", "grant")));
    }

    private static List<String> expected(List<String> before, List<String> revoked, List<String> granted) {
        TreeSet<String> expected = new TreeSet<>(before);
        revoked.forEach(expected::remove);
        expected.addAll(granted);
        return List.copyOf(expected);
    }

    static JsonNode check(JsonNode report, String name) {
        for (JsonNode check : report.get("checks")) {
            if (name.equals(check.get("check").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + report);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given JIT on, IdP managed roles and groups, and an organization owning acme.test")
    class JitOn {

        SamlBrokerFixture fixture;
        String organizationId;

        @BeforeAll
        void setUp() {
            fixture = fixture("preview-on", SamlBrokerFixture.managedRolesMappingAllSent("support")
                    .map("groups", AttributeTarget.USER_GROUP)
                    .set(JitConfigProperties.GROUP_VALUES, Map.of("Backend Team", "/engineering/backend")).build());
            GroupsAndGatesIT.Groups.create(fixture);
            organizationId = fixture.createOrganization("acme", "acme.test");
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("a new user: every check of the captured response passes; create, with roles, groups, organization; the sign-in agrees")
        void newUser() {
            fixture.idpUser("nora", IdpPerson.named("Nora", "Previewed").email("nora@acme.test").roles("developer", "realm-admin")
                    .status("active").groups("Backend Team", "ops"));

            Agreement agreement = previewThenSignIn(fixture, "nora");

            JsonNode report = agreement.report();
            assertThat(report.get("checks")).as("%s", report).noneMatch(check -> "failed".equals(check.get("result").asText()));
            for (String passed : List.of("parse", "status", "destination", "assertion", "issuer", "signature", "audience",
                    "recipient", "time_window", "subject")) {
                assertThat(check(report, passed).get("result").asText()).as("%s: %s", passed, check(report, passed)).isEqualTo("passed");
            }
            assertThat(check(report, "in_response_to").get("result").asText()).isEqualTo("not_applicable");
            assertThat(agreement.outcome()).as("%s", report).isEqualTo("create");
            assertThat(agreement.rule()).isEqualTo("NEW_ACCOUNT");
            assertThat(report.get("account").get("new").asBoolean()).isTrue();
            assertThat(agreement.list("roles", "grant")).containsExactly("developer");
            assertThat(agreement.list("roles", "refused")).containsExactly("realm-admin(protected)");
            assertThat(agreement.list("groups", "grant")).containsExactly("/engineering/backend");
            assertThat(agreement.list("groups", "refused")).containsExactly("ops(protected)");
            assertThat(agreement.list("profile", "changed")).containsExactlyInAnyOrder("email", "firstName", "lastName");
            assertThat(report.get("organization").get("alias").asText()).isEqualTo("acme");
            assertThat(report.get("organization").get("joins").asBoolean()).isTrue();
            assertThat(report.toString()).as("no profile values in the answer").doesNotContain("nora@acme.test", "Nora", "Previewed");

            assertAgree(fixture, agreement, null, List.of(), List.of());
            String id = fixture.brokerUser("nora").getId();
            assertAgree(fixture, agreement, id, List.of(), List.of());
            assertThat(fixture.isOrganizationMember(organizationId, "nora")).isTrue();
        }

        @Test
        @DisplayName("a returning user whose role changed in the IdP: grant the new one, revoke the old, keep the hand-granted; the sign-in agrees")
        void returningUserRoleChange() {
            fixture.idpUser("carol", IdpPerson.named("Carol", "Previewed").email("carol@acme.test").roles("developer")
                    .status("active"));
            assertThat(fixture.login("carol").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("carol").getId();
            fixture.grantRealmRole(id, "auditor");
            fixture.idpUser("carol", IdpPerson.named("Carol", "Previewed").email("carol@acme.test").roles("tester", "support")
                    .status("active"));
            List<String> before = fixture.realmRolesOf(id);

            Agreement agreement = previewThenSignIn(fixture, "carol");

            assertThat(agreement.outcome()).as("%s", agreement.report()).isEqualTo("sign_in");
            assertThat(agreement.report().get("account").get("id").asText()).isEqualTo(id);
            assertThat(agreement.report().get("account").get("username").asText()).isEqualTo("carol");
            assertThat(agreement.list("roles", "grant")).containsExactly("support", "tester");
            assertThat(agreement.list("roles", "revoke")).containsExactly("developer");
            assertAgree(fixture, agreement, id, before, List.of());
            assertThat(fixture.realmRolesOf(id)).containsExactly("auditor", "support", "tester");
            assertThat(ManagedRolesIT.lastJitEvent(fixture, id).getDetails())
                    .containsEntry("jit_roles_granted", "support,tester").containsEntry("jit_roles_revoked", "developer");
        }

        @Test
        @DisplayName("a returning user sending the same roles: keep them, nothing to grant; the sign-in agrees")
        void returningUserKeeps() {
            fixture.idpUser("kurt", IdpPerson.named("Kurt", "Previewed").email("kurt@acme.test").roles("developer")
                    .status("active"));
            assertThat(fixture.login("kurt").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("kurt").getId();

            Agreement agreement = previewThenSignIn(fixture, "kurt");

            assertThat(agreement.list("roles", "keep")).containsExactly("developer");
            assertThat(agreement.list("roles", "grant")).isEmpty();
            assertThat(agreement.list("profile", "changed")).isEmpty();
            assertAgree(fixture, agreement, id, List.of("developer"), List.of());
        }

        @Test
        @DisplayName("an account with the email outside the organization's domains: refuse ACCOUNT_EXISTS_UNTRUSTED; the sign-in agrees")
        void untrustedExistingAccount() {
            String id = fixture.createBrokerUser("olga-local", "olga@elsewhere.test", true);
            fixture.idpUser("olga", IdpPerson.named("Olga", "Previewed").email("olga@elsewhere.test").roles("developer")
                    .status("active"));

            Agreement agreement = previewThenSignIn(fixture, "olga");

            assertThat(agreement.outcome()).as("%s", agreement.report()).isEqualTo("refuse");
            assertThat(agreement.code()).isEqualTo("ACCOUNT_EXISTS_UNTRUSTED");
            assertThat(agreement.rule()).isEqualTo("UNTRUSTED_EMAIL_IN_USE");
            assertAgree(fixture, agreement, id, List.of(), List.of());
            assertThat(fixture.brokerUser("olga")).isNull();
        }

        @Test
        @DisplayName("an account in the organization's verified domain: link it (ORGANIZATION_DOMAIN); the sign-in agrees")
        void organizationDomainIsLinked() {
            String id = fixture.createBrokerUser("quinn-local", "quinn@acme.test", true);
            fixture.idpUser("quinn", IdpPerson.named("Quinn", "Previewed").email("quinn@acme.test").roles("tester")
                    .status("active"));

            Agreement agreement = previewThenSignIn(fixture, "quinn");

            assertThat(agreement.outcome()).as("%s", agreement.report()).isEqualTo("link");
            assertThat(agreement.rule()).isEqualTo("ORGANIZATION_DOMAIN");
            assertThat(agreement.report().get("account").get("id").asText()).isEqualTo(id);
            assertThat(agreement.report().get("organization").get("joins").asBoolean()).isTrue();
            assertAgree(fixture, agreement, id, List.of(), List.of());
            assertThat(fixture.federatedIdentities(id)).hasSize(1);
        }

        @Test
        @DisplayName("a disabled account in the organization's domain: refuse ACCOUNT_DISABLED; the sign-in agrees, and it stays disabled")
        void disabledAccount() {
            String id = fixture.createBrokerUser("rita-local", "rita@acme.test", false);
            fixture.idpUser("rita", IdpPerson.named("Rita", "Previewed").email("rita@acme.test").roles("developer")
                    .status("active"));

            Agreement agreement = previewThenSignIn(fixture, "rita");

            assertThat(agreement.code()).as("%s", agreement.report()).isEqualTo("ACCOUNT_DISABLED");
            assertThat(agreement.rule()).isEqualTo("ACCOUNT_DISABLED");
            assertThat(agreement.report().get("account").get("id").asText()).isEqualTo(id);
            assertAgree(fixture, agreement, id, List.of(), List.of());
            assertThat(fixture.brokerUser("rita-local").isEnabled()).isFalse();
        }

        @Test
        @DisplayName("a role value changed after signing previews as 'signature failed', and the sign-in is refused too")
        void tamperedResponse() {
            fixture.idpUser("victor", IdpPerson.named("Victor", "Previewed").email("victor@acme.test").roles("tester")
                    .status("active"));

            Agreement agreement = previewThenSignIn(fixture, "victor", xml -> xml.replace(">tester<", ">developer<"));

            assertThat(check(agreement.report(), "signature").get("result").asText()).as("%s", agreement.report()).isEqualTo("failed");
            assertThat(agreement.outcome()).isEqualTo("invalid_response");
            assertThat(agreement.rule()).isEqualTo("signature");
            assertThat(agreement.report().get("account")).isNull();
            assertThat(agreement.login().isLoggedIn()).isFalse();
            assertThat(fixture.brokerUser("victor")).isNull();
        }

        @Test
        @DisplayName("attributes typed by hand preview like the response the IdP then sends")
        void attributesTypedByHand() {
            fixture.idpUser("ada", IdpPerson.named("Ada", "Previewed").email("ada@acme.test").roles("Developer")
                    .status("active"));
            String before = state(fixture);

            JsonNode report = preview(fixture, map("nameId", "ada", "attributes", map("role", List.of("Developer"),
                    "email", "ada@acme.test", "firstName", List.of("Ada"))));

            assertThat(state(fixture)).isEqualTo(before);
            assertThat(check(report, "saml_checks").get("result").asText()).isEqualTo("not_applicable");
            assertThat(report.get("decision").get("outcome").asText()).as("%s", report).isEqualTo("create");
            assertThat(report.get("roles").get("grant").get(0).asText()).isEqualTo("developer");
            assertThat(fixture.login("ada").isLoggedIn()).isTrue();
            assertThat(fixture.realmRolesOf(fixture.brokerUser("ada").getId())).containsExactly("developer");
        }

        @Test
        @DisplayName("garbage, a DOCTYPE, and a body that is neither: refused or reported, never a server error")
        void badInput() {
            JsonNode garbage = preview(fixture, map("samlResponse", "not base64 at all!"));
            assertThat(check(garbage, "parse").get("result").asText()).isEqualTo("failed");
            assertThat(garbage.get("decision").get("outcome").asText()).isEqualTo("invalid_response");

            JsonNode doctype = preview(fixture, map("samlResponse", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
            assertThat(check(doctype, "parse").get("detail").asText()).startsWith("DOCTYPE_FORBIDDEN");

            AdminApi.Reply neither = fixture.admin().post(previewPath(fixture), map("nameId", "ada"));
            assertThat(neither.status()).isEqualTo(400);
            assertThat(neither.body()).contains("INVALID_REQUEST");
            assertThat(fixture.admin().post("/" + fixture.brokerRealm() + "/jit-provisioning/identity-providers/nope/preview",
                    map("samlResponse", "x")).status()).isEqualTo(404);
        }

        @Test
        @DisplayName("the raw SAMLResponse as the body works too, and each preview is one admin event without the assertion")
        void rawBodyAndAdminEvent() {
            fixture.idpUser("rhea", IdpPerson.named("Rhea", "Previewed").email("rhea@acme.test").roles("developer")
                    .status("active"));
            String response = fixture.samlLogin().captureResponse("rhea", SamlBrokerFixture.PASSWORD).samlResponse();
            int previewsBefore = previewEvents(fixture.admin(), fixture.brokerRealm()).size();

            AdminApi.Reply reply = fixture.admin().postRaw(previewPath(fixture), "text/plain",
                    ("SAMLResponse=" + AdminApi.encode(response)).getBytes(java.nio.charset.StandardCharsets.UTF_8));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().get("decision").get("outcome").asText()).isEqualTo("create");
            List<AdminEventRepresentation> previews = previewEvents(fixture.admin(), fixture.brokerRealm());
            assertThat(previews).as("this preview added one").hasSize(previewsBefore + 1).allSatisfy(event -> {
                assertThat(event.getOperationType()).isEqualTo("ACTION");
                assertThat(event.getResourceType()).isEqualTo("IDENTITY_PROVIDER");
                assertThat(event.getResourcePath()).isEqualTo("identity-provider/instances/corp-idp/jit-preview");
                assertThat(event.getRepresentation()).contains("\"outcome\"")
                        .doesNotContain("acme.test", "rhea", "Rhea", response.substring(0, 40), "PHNhbWxw");
            });
            assertThat(fixture.brokerUser("rhea")).isNull();
        }

        @Test
        @DisplayName("the console page: saving an entry stores the result, never the pasted response, and writes nothing else")
        void consolePage() {
            fixture.idpUser("pia", IdpPerson.named("Pia", "Previewed").email("pia@acme.test").roles("tester").status("active"));
            String response = fixture.samlLogin().captureResponse("pia", SamlBrokerFixture.PASSWORD).samlResponse();
            String realmId = fixture.admin().get("/" + fixture.brokerRealm()).expect(200).json().get("id").asText();
            String before = state(fixture);

            String id = fixture.admin().post("/" + fixture.brokerRealm() + "/components", map("name", "pia",
                    "providerId", "jit-provisioning-preview", "providerType", "org.keycloak.services.ui.extend.UiPageProvider",
                    "parentId", realmId, "config", map("alias", List.of("corp-idp"), "input", List.of(response)))).expect(201).createdId();

            assertThat(state(fixture)).isEqualTo(before);
            JsonNode entry = fixture.admin().get("/" + fixture.brokerRealm() + "/components/" + id).expect(200).json().get("config");
            assertThat(entry.has("input")).as("%s", entry).isFalse();
            assertThat(entry.get("decision").get(0).asText()).isEqualTo("create (NEW_ACCOUNT)");
            assertThat(entry.get("account").get(0).asText()).isEqualTo("new account");
            assertThat(entry.get("roles").get(0).asText()).isEqualTo("+tester");
            assertThat(entry.get("organization").get(0).asText()).isEqualTo("acme (joins as a managed member)");
            assertThat(entry.get("checks").get(0).asText()).as("a captured response: ten checks apply").isEqualTo("10 passed, none failed");
            assertThat(entry.get("check_signature").get(0).asText()).startsWith("passed - response and assertion signed");
            assertThat(entry.get("check_in_response_to").get(0).asText()).startsWith("not_applicable - ");
            List<AdminEventRepresentation> events = fixture.admin().get("/" + fixture.brokerRealm() + "/admin-events?max=1000",
                    new TypeReference<List<AdminEventRepresentation>>() {
                    });
            assertThat(events).allSatisfy(event -> assertThat(String.valueOf(event.getRepresentation()))
                    .doesNotContain(response.substring(0, 40)));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given the gates (acme.test, status = active) and the unknown-role policy DENY")
    class GatesAndDeny {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("preview-gates", SamlBrokerFixture.managedRolesMappingAllSent("support")
                    .set(JitConfigProperties.UNKNOWN_ROLE_POLICY, UnknownRolePolicy.DENY)
                    .set(JitConfigProperties.ALLOWED_EMAIL_DOMAINS, List.of("acme.test"))
                    .set(JitConfigProperties.REQUIRED_ATTRIBUTE, "status")
                    .set(JitConfigProperties.REQUIRED_VALUES, List.of("active")).build());
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("an email outside the allowed domains: refuse DOMAIN_NOT_ALLOWED; the sign-in agrees")
        void domainNotAllowed() {
            fixture.idpUser("max", IdpPerson.named("Max", "Previewed").email("max@other.test").roles("developer")
                    .status("active"));

            Agreement agreement = previewThenSignIn(fixture, "max");

            assertThat(agreement.code()).as("%s", agreement.report()).isEqualTo("DOMAIN_NOT_ALLOWED");
            assertThat(agreement.rule()).isEqualTo("ALLOWED_EMAIL_DOMAINS");
            assertAgree(fixture, agreement, null, List.of(), List.of());
            assertThat(fixture.brokerUser("max")).isNull();
        }

        @Test
        @DisplayName("without the required value: refuse NOT_ALLOWED; the sign-in agrees")
        void notAllowed() {
            fixture.idpUser("nils", IdpPerson.named("Nils", "Previewed").email("nils@acme.test").roles("developer")
                    .status("former"));

            Agreement agreement = previewThenSignIn(fixture, "nils");

            assertThat(agreement.code()).as("%s", agreement.report()).isEqualTo("NOT_ALLOWED");
            assertThat(agreement.rule()).isEqualTo("REQUIRED_ATTRIBUTE");
            assertAgree(fixture, agreement, null, List.of(), List.of());
        }

        @Test
        @DisplayName("a new user with an unknown role: refuse UNKNOWN_ROLE, naming the value; the sign-in agrees")
        void unknownRole() {
            fixture.idpUser("jack", IdpPerson.named("Jack", "Previewed").email("jack@acme.test").roles("astronaut")
                    .status("active"));

            Agreement agreement = previewThenSignIn(fixture, "jack");

            assertThat(agreement.code()).as("%s", agreement.report()).isEqualTo("UNKNOWN_ROLE");
            assertThat(agreement.rule()).isEqualTo("UNKNOWN_ROLE_POLICY_DENY");
            assertThat(agreement.list("roles", "refused")).containsExactly("astronaut(unknown)");
            assertAgree(fixture, agreement, null, List.of(), List.of());
            assertThat(fixture.brokerUser("jack")).isNull();
        }

        @Test
        @DisplayName("a returning user sent only a protected role: refuse ROLE_NOT_ALLOWED; the sign-in agrees, roles unchanged")
        void protectedRoleOfReturningUser() {
            fixture.idpUser("kim", IdpPerson.named("Kim", "Previewed").email("kim@acme.test").roles("developer")
                    .status("active"));
            assertThat(fixture.login("kim").isLoggedIn()).isTrue();
            String id = fixture.brokerUser("kim").getId();
            fixture.idpUser("kim", IdpPerson.named("Kim", "Previewed").email("kim@acme.test").roles("realm-admin")
                    .status("active"));

            Agreement agreement = previewThenSignIn(fixture, "kim");

            assertThat(agreement.code()).as("%s", agreement.report()).isEqualTo("ROLE_NOT_ALLOWED");
            assertThat(agreement.list("roles", "refused")).containsExactly("realm-admin(protected)");
            assertThat(agreement.report().get("account").get("id").asText()).isEqualTo(id);
            assertAgree(fixture, agreement, id, List.of("developer"), List.of());
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given JIT off (invitation only)")
    class InvitationOnly {

        SamlBrokerFixture fixture;
        AdminApi viewer;
        AdminApi nobody;

        @BeforeAll
        void setUp() {
            fixture = fixture("preview-off", SamlBrokerFixture.managedRolesMappingAllSent("support").set(JitConfigProperties.JIT_ENABLED, false).build());
            viewer = MasterAdmins.masterUser(fixture.admin(), "jit-preview-viewer", "preview-off-realm", "view-identity-providers");
            nobody = MasterAdmins.masterUser(fixture.admin(), "jit-preview-nobody", null);
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
            MasterAdmins.delete(fixture.admin(), "jit-preview-viewer");
            MasterAdmins.delete(fixture.admin(), "jit-preview-nobody");
        }

        @Test
        @DisplayName("an invited account (no credential): link it (INVITATION); the sign-in agrees")
        void invitationIsLinked() {
            String id = fixture.createBrokerUser("ivy", "ivy@corp.test", true);
            fixture.idpUser("ivy", IdpPerson.named("Ivy", "Previewed").email("ivy@corp.test").roles("developer")
                    .status("active"));

            Agreement agreement = previewThenSignIn(fixture, "ivy");

            assertThat(agreement.outcome()).as("%s", agreement.report()).isEqualTo("link");
            assertThat(agreement.rule()).isEqualTo("INVITATION");
            assertThat(agreement.list("roles", "grant")).containsExactly("developer");
            assertAgree(fixture, agreement, id, List.of(), List.of());
            assertThat(fixture.federatedIdentities(id)).hasSize(1);
        }

        @Test
        @DisplayName("nobody invited: refuse NOT_PROVISIONED; the sign-in agrees")
        void uninvitedIsRefused() {
            fixture.idpUser("uma", IdpPerson.named("Uma", "Previewed").email("uma@corp.test").roles("developer")
                    .status("active"));

            Agreement agreement = previewThenSignIn(fixture, "uma");

            assertThat(agreement.code()).as("%s", agreement.report()).isEqualTo("NOT_PROVISIONED");
            assertThat(agreement.rule()).isEqualTo("NO_ACCOUNT_AND_JIT_OFF");
            assertAgree(fixture, agreement, null, List.of(), List.of());
        }

        @Test
        @DisplayName("an administrator who may view identity providers may preview, with the account-dependent part withheld; one who may not gets 403")
        void permissions() {
            fixture.createBrokerUser("wes", "wes@corp.test", true);
            Map<String, Object> body = map("nameId", "wes", "attributes", map("email", "wes@corp.test", "role", "developer"));

            AdminApi.Reply allowed = viewer.post(previewPath(fixture), body);
            AdminApi.Reply forbidden = nobody.post(previewPath(fixture), body);

            assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
            assertThat(allowed.json().get("decision").get("outcome").asText()).as(allowed.body()).isEqualTo("withheld");
            assertThat(allowed.json().has("account")).isFalse();
            assertThat(allowed.body()).doesNotContain("\"username\"");
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(fixture.federatedIdentities(fixture.brokerUser("wes").getId())).isEmpty();
        }
    }
}
