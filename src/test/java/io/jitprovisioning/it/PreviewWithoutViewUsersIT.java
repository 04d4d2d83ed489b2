package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.MasterAdmins;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * The preview is no oracle: an administrator who may view identity providers but not users gets an answer in which
 * nothing depends on existing accounts, so that an email that belongs to an account and one that does not answer
 * alike. Its twin: an administrator who may view users gets the whole answer, which does tell them apart.
 */
@DisplayName("Preview without view-users: nothing in the answer depends on existing accounts")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewWithoutViewUsersIT {

    static final String REALM = "preview-hidden";

    SamlBrokerFixture fixture;
    AdminApi idpViewer;
    AdminApi userViewer;
    AdminApi consoleViewer;
    String quinn;
    String carol;

    @BeforeAll
    void setUp() {
        fixture = PreviewIT.fixture(REALM, SamlBrokerFixture.managedRolesMappingAllSent("support")
                .map("groups", AttributeTarget.USER_GROUP)
                .set(JitConfigProperties.GROUP_VALUES, Map.of("Backend Team", "/engineering/backend"))
                .set(JitConfigProperties.REQUIRED_ATTRIBUTE, "status")
                .set(JitConfigProperties.REQUIRED_VALUES, List.of("active")).build());
        GroupsAndGatesIT.Groups.create(fixture);
        fixture.createOrganization("acme", "acme.test");
        fixture.createBrokerUser("olga-local", "olga@elsewhere.test", true);
        quinn = fixture.createBrokerUser("quinn-local", "quinn@acme.test", true);
        fixture.idpUser("carol", IdpPerson.named("Carol", "Previewed").email("carol@acme.test").roles("developer")
                .status("active"));
        assertThat(fixture.login("carol").isLoggedIn()).isTrue();
        carol = fixture.brokerUser("carol").getId();
        String client = REALM + "-realm";
        idpViewer = MasterAdmins.masterUser(fixture.admin(), "jit-hidden-idp-viewer", client, "view-identity-providers");
        userViewer = MasterAdmins.masterUser(fixture.admin(), "jit-hidden-user-viewer", client, "view-identity-providers", "view-users");
        consoleViewer = MasterAdmins.masterUser(fixture.admin(), "jit-hidden-console-viewer", client, "view-identity-providers",
                "manage-realm");
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
        List.of("jit-hidden-idp-viewer", "jit-hidden-user-viewer", "jit-hidden-console-viewer")
                .forEach(username -> MasterAdmins.delete(fixture.admin(), username));
    }

    /** Attributes as an IdP would send them: a good role, a protected and an unknown one, a group, a phone that is no phone. */
    static Map<String, Object> body(String nameId, String email, String status) {
        return map("nameId", nameId, "attributes", map("email", email, "firstName", "Pat", "lastName", "Doe",
                "role", List.of("developer", "realm-admin", "astronaut"), "groups", List.of("Backend Team", "ops"),
                "status", status, "phone", "call me maybe"));
    }

    JsonNode preview(AdminApi as, Map<String, Object> body) {
        AdminApi.Reply reply = as.post(PreviewIT.previewPath(fixture), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String json(Object body) {
        try {
            return JsonSerialization.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pairs of previews that differ only in whether an account matches: by email, by email in the organization's domain, by a linked NameID. */
    List<List<Map<String, Object>>> pairs() {
        return List.of(
                List.of(body("pat", "olga@elsewhere.test", "active"), body("pat", "nobody@elsewhere.test", "active")),
                List.of(body("pat", "quinn@acme.test", "active"), body("pat", "nobody@acme.test", "active")),
                List.of(body("carol", "carol@acme.test", "active"), body("pat", "carol@acme.test", "active")));
    }

    @Test
    @DisplayName("an email (or NameID) that belongs to an account and one that does not get equal answers, which name the permission")
    void answersAreAlike() {
        String before = PreviewIT.state(fixture);
        for (List<Map<String, Object>> pair : pairs()) {
            JsonNode known = preview(idpViewer, pair.get(0));
            JsonNode unknown = preview(idpViewer, pair.get(1));

            assertThat(known).as("%s%nvs%n%s", known, unknown).isEqualTo(unknown);
            assertThat(known.get("decision").get("outcome").asText()).isEqualTo("withheld");
            assertThat(known.get("decision").get("rule").asText()).isEqualTo("VIEW_USERS_REQUIRED");
            assertThat(known.get("decision").has("code")).isFalse();
            assertThat(known.get("withheld").asText()).contains("\"view-users\"");
            assertThat(known.has("account")).isFalse();
            assertThat(names(known.get("roles"))).containsExactly("wanted", "refused");
            assertThat(texts(known.get("roles").get("wanted"))).containsExactly("developer");
            assertThat(texts(known.get("roles").get("refused"))).containsExactly("realm-admin(protected)", "astronaut(unknown)");
            assertThat(texts(known.get("groups").get("wanted"))).containsExactly("/engineering/backend");
            assertThat(texts(known.get("groups").get("refused"))).containsExactly("ops(protected)");
            assertThat(known.get("profile").has("changed")).isFalse();
            assertThat(texts(known.get("profile").get("fields"))).containsExactly("email", "firstName", "lastName");
            assertThat(texts(known.get("profile").get("rejected"))).containsExactly("USER_PHONE_NUMBER");
            assertThat(names(known.get("organization"))).containsExactly("alias");
            assertThat(known.get("organization").get("alias").asText()).isEqualTo("acme");
            assertThat(known.toString()).as("names only, never a profile value").doesNotContain("@", "Pat", "Doe", "call me");
        }
        assertThat(PreviewIT.state(fixture)).as("what the previews wrote").isEqualTo(before);
    }

    @Test
    @DisplayName("twin: with view-users the same pairs get the whole answer (account, rule, grant/revoke/keep), which tells them apart")
    void viewUsersGetsTheWholeAnswer() {
        List<Map<String, Object>> byEmail = pairs().get(0);
        JsonNode refused = preview(userViewer, byEmail.get(0));
        JsonNode created = preview(userViewer, byEmail.get(1));
        assertThat(refused.get("decision").get("code").asText()).as("%s", refused).isEqualTo("ACCOUNT_EXISTS_UNTRUSTED");
        assertThat(refused.get("decision").get("rule").asText()).isEqualTo("UNTRUSTED_EMAIL_IN_USE");
        assertThat(refused.has("account")).as("this rule names no account: it refuses on the email alone").isFalse();
        assertThat(created.get("decision").get("outcome").asText()).as("%s", created).isEqualTo("create");
        assertThat(created.get("account").get("new").asBoolean()).isTrue();
        assertThat(texts(created.get("roles").get("grant"))).containsExactly("developer");
        assertThat(created.has("withheld")).isFalse();

        List<Map<String, Object>> byDomain = pairs().get(1);
        JsonNode linked = preview(userViewer, byDomain.get(0));
        assertThat(linked.get("decision").get("outcome").asText()).as("%s", linked).isEqualTo("link");
        assertThat(linked.get("decision").get("rule").asText()).isEqualTo("ORGANIZATION_DOMAIN");
        assertThat(linked.get("account").get("id").asText()).isEqualTo(quinn);
        assertThat(linked.get("organization").get("joins").asBoolean()).isTrue();
        assertThat(preview(userViewer, byDomain.get(1)).get("account").get("new").asBoolean()).isTrue();

        JsonNode returning = preview(userViewer, pairs().get(2).get(0));
        assertThat(returning.get("decision").get("outcome").asText()).as("%s", returning).isEqualTo("sign_in");
        assertThat(returning.get("account").get("id").asText()).isEqualTo(carol);
        assertThat(texts(returning.get("roles").get("keep"))).containsExactly("developer");
        assertThat(texts(returning.get("roles").get("revoke"))).isEmpty();
    }

    @Test
    @DisplayName("a gate that refuses everyone alike still refuses, with its code and rule, and the answers stay alike")
    void gateRefusalIsShown() {
        JsonNode known = preview(idpViewer, body("pat", "olga@elsewhere.test", "former"));
        JsonNode unknown = preview(idpViewer, body("pat", "nobody@elsewhere.test", "former"));

        assertThat(known).isEqualTo(unknown);
        assertThat(known.get("decision").get("outcome").asText()).as("%s", known).isEqualTo("refuse");
        assertThat(known.get("decision").get("code").asText()).isEqualTo("NOT_ALLOWED");
        assertThat(known.get("decision").get("rule").asText()).isEqualTo("REQUIRED_ATTRIBUTE");
        assertThat(known.has("account")).isFalse();
        assertThat(known.get("withheld").asText()).contains("\"view-users\"");
        assertThat(preview(userViewer, body("pat", "olga@elsewhere.test", "former")).get("decision").get("code").asText())
                .isEqualTo("NOT_ALLOWED");
    }

    @Test
    @DisplayName("each restricted preview still records its admin event, with the outcome 'withheld' and no account")
    void adminEventStays() {
        int previewsBefore = PreviewIT.previewEvents(fixture.admin(), REALM).size();

        preview(idpViewer, body("pat", "olga@elsewhere.test", "active"));

        List<AdminEventRepresentation> previews = PreviewIT.previewEvents(fixture.admin(), REALM);
        assertThat(previews).as("this preview added one").hasSize(previewsBefore + 1);
        assertThat(previews.get(0).getRepresentation()).as("the newest").contains("\"outcome\":\"withheld\"")
                .contains("VIEW_USERS_REQUIRED").doesNotContain("olga", "elsewhere");
    }

    @Test
    @DisplayName("the console page is no side door: without view-users its saved entries are alike too; with it, the account shows")
    void consolePage() {
        JsonNode known = consoleEntry(consoleViewer, "known", body("pat", "olga@elsewhere.test", "active"));
        JsonNode unknown = consoleEntry(consoleViewer, "unknown", body("pat", "nobody@elsewhere.test", "active"));

        assertThat(known).as("%s%nvs%n%s", known, unknown).isEqualTo(unknown);
        assertThat(known.get("decision").get(0).asText()).isEqualTo("withheld (VIEW_USERS_REQUIRED)");
        assertThat(known.get("account").get(0).asText()).isEqualTo("not shown: you may not view users");
        assertThat(known.get("roles").get(0).asText()).isEqualTo("wanted: developer; refused: realm-admin(protected), astronaut(unknown)");
        assertThat(known.get("organization").get(0).asText()).isEqualTo("acme");

        JsonNode full = consoleEntry(fixture.admin(), "full", body("pat", "quinn@acme.test", "active"));
        assertThat(full.get("decision").get(0).asText()).isEqualTo("link (ORGANIZATION_DOMAIN)");
        assertThat(full.get("account").get(0).asText()).isEqualTo("quinn-local (id " + quinn + ")");
        assertThat(full.get("roles").get(0).asText()).startsWith("+developer");
    }

    /** Saves a preview page entry as the console does, and returns its stored config. */
    JsonNode consoleEntry(AdminApi as, String name, Map<String, Object> body) {
        String realmId = fixture.admin().get("/" + REALM).expect(200).json().get("id").asText();
        AdminApi.Reply saved = as.post("/" + REALM + "/components", map("name", name, "providerId", "jit-provisioning-preview",
                "providerType", "org.keycloak.services.ui.extend.UiPageProvider", "parentId", realmId,
                "config", map("alias", List.of(SamlBrokerFixture.IDP_ALIAS), "input", List.of(json(body)))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        return fixture.admin().get("/" + REALM + "/components/" + saved.createdId()).expect(200).json().get("config");
    }
}
