package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * Bad bodies from an administrator, on the real routes: each gets 400 with exactly one code in the API's own body,
 * never a 500 and never a 200 as if it were fine, and nothing is written. Bodies are written with single quotes for
 * double ones; {@code %M} stands for the IdP's real metadata, so that only the flaw under test is wrong.
 */
@DisplayName("Bad admin input: 400 with one code, never 500 or a silent 200, nothing written")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputStrictIT {

    static final String REALM = "bad-input-strict";
    static final String BASE = "/" + REALM + "/jit-provisioning";

    SamlBrokerFixture fixture;
    AdminApi admin;

    @BeforeAll
    void setUp() {
        fixture = PreviewIT.fixture(REALM, SamlBrokerFixture.managedRolesMappingAllSent("support").build());
        admin = fixture.admin();
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    String body(String template) {
        try {
            return template.replace('\'', '"').replace("%M", JsonSerialization.writeValueAsString(fixture.idpMetadata()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reply is 400 with this API's body: one error, with the code and a message, and no warnings. */
    static void assertOneCode(AdminApi.Reply reply, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        JsonNode json = reply.json();
        assertThat(json.get("errors")).as(reply.body()).hasSize(1);
        assertThat(json.get("errors").get(0).get("code").asText()).as(reply.body()).isEqualTo(code);
        assertThat(json.get("errors").get(0).get("message").asText()).isNotBlank();
        assertThat(json.get("warnings")).isEmpty();
    }

    /** What a setup could write: the realm's identity providers, each with its mappers, and the console pages' entries. */
    String written() {
        StringBuilder state = new StringBuilder();
        for (JsonNode idp : admin.get("/" + REALM + "/identity-provider/instances").expect(200).json()) {
            String alias = idp.get("alias").asText();
            state.append(idp).append('\n')
                    .append(admin.get("/" + REALM + "/identity-provider/instances/" + alias + "/mappers").expect(200).body()).append('\n');
        }
        return state.append(admin.get("/" + REALM + "/components?type=org.keycloak.services.ui.extend.UiPageProvider").expect(200).body())
                .toString();
    }

    int previewEvents() {
        return (int) admin.get("/" + REALM + "/admin-events?max=10000").expect(200).json().findValuesAsText("resourcePath").stream()
                .filter(path -> path.endsWith("/jit-preview")).count();
    }

    @ParameterizedTest(name = "preview {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'attributes':{},'nameId':'ada','nameIdFormat':'not a uri'}  | INVALID_NAME_ID_FORMAT",
            "{'attributes':{},'nameId':'ada','nameIdFormat':'email'}      | INVALID_NAME_ID_FORMAT",
            "{'attributes':{'level':3}}                                   | INVALID_ATTRIBUTES",
            "{'attributes':{'role':['developer',true]}}                   | INVALID_ATTRIBUTES",
            "{'attributes':['role']}                                      | INVALID_ATTRIBUTES",
            "{'attributes':{},'nameId':['ada']}                           | INVALID_NAME_ID",
            "{'attributes':{},'nameId':null}                              | INVALID_NAME_ID",
            "{'samlResponse':42}                                          | INVALID_SAML_RESPONSE",
            "{'samlResponse':'PHNhbWxw','attributes':{}}                  | INVALID_REQUEST",
            "{'attributes':{},'extra':1}                                  | UNKNOWN_FIELD",
            "[1,2]                                                        | INVALID_REQUEST",
            "'just a string'                                              | INVALID_REQUEST",
            "{'attributes':                                               | INVALID_REQUEST",
            "''                                                           | INVALID_REQUEST",
    })
    void preview(String template, String code) {
        String before = PreviewIT.state(fixture);
        int events = previewEvents();

        AdminApi.Reply reply = admin.postRaw(PreviewIT.previewPath(fixture), "application/json", body(template).getBytes(StandardCharsets.UTF_8));

        assertOneCode(reply, code);
        assertThat(PreviewIT.state(fixture)).isEqualTo(before);
        assertThat(previewEvents()).as("no admin event for a preview that did not run").isEqualTo(events);
    }

    @Test
    @DisplayName("preview: JSON pasted as text/plain is read with the same rules")
    void previewPastedAsText() {
        AdminApi.Reply reply = admin.postRaw(PreviewIT.previewPath(fixture), "text/plain",
                body("{'attributes':{'role':[1]}}").getBytes(StandardCharsets.UTF_8));

        assertOneCode(reply, "INVALID_ATTRIBUTES");
    }

    @ParameterizedTest(name = "POST {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'alias':'fresh','metadata':%M,'color':'blue'}                | UNKNOWN_FIELD",
            "{'alias':'fresh','metadata':%M,'jit.enabled':false}           | UNKNOWN_FIELD",
            "{'alias':5,'metadata':%M}                                     | INVALID_ALIAS",
            "{'alias':['fresh'],'metadata':%M}                             | INVALID_ALIAS",
            "{'alias':'fresh','metadata':%M,'displayName':['Fresh']}       | INVALID_DISPLAY_NAME",
            "{'alias':'fresh','metadata':{'xml':'<x/>'}}                  | INVALID_METADATA",
            "{'alias':'fresh','metadata':%M,'entityId':7}                  | INVALID_ENTITY_ID",
            "{'alias':'fresh','metadata':%M,'defaultRole':['support']}     | INVALID_DEFAULT_ROLE",
            "{'alias':'fresh','metadata':%M,'assignableRoles':[{}]}        | INVALID_ASSIGNABLE_ROLES",
            "{'alias':'fresh','metadata':%M,'roleValues':{'Eng':['support']}} | INVALID_ROLE_VALUES",
            "{'alias':'fresh','metadata':%M,'unknownRolePolicy':['DENY']}  | INVALID_UNKNOWN_ROLE_POLICY",
            "{'alias':'fresh','metadata':%M,'alias':'other'}               | INVALID_REQUEST",
            "{'alias':'fresh','metadata':%M                                | INVALID_REQUEST",
            "['fresh']                                                    | INVALID_REQUEST",
            "''                                                           | INVALID_REQUEST",
    })
    void create(String template, String code) {
        String before = written();

        AdminApi.Reply reply = admin.postRaw(BASE + "/identity-providers", "application/json", body(template).getBytes(StandardCharsets.UTF_8));

        assertOneCode(reply, code);
        assertThat(written()).isEqualTo(before);
        assertThat(admin.get("/" + REALM + "/identity-provider/instances/fresh").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "PUT {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'displayName':5}                                            | INVALID_DISPLAY_NAME",
            "{'displayName':null}                                         | INVALID_DISPLAY_NAME",
            "{'metadata':%M,'entityId':['x']}                              | INVALID_ENTITY_ID",
            "{'jitEnabled':'false'}                                       | INVALID_JIT_ENABLED",
            "{'defaultRole':['support']}                                  | INVALID_DEFAULT_ROLE",
            "{'requiredValues':[true]}                                    | INVALID_REQUIRED_VALUES",
            "{'metadata':%M,'defaultRole':'support','colour':'red'}        | UNKNOWN_FIELD",
            "{'displayName':'Changed'                                     | INVALID_REQUEST",
            "42                                                           | INVALID_REQUEST",
    })
    void update(String template, String code) {
        String before = written();

        // The JSON helper sends a String body as it is.
        AdminApi.Reply reply = admin.put(BASE + "/identity-providers/" + SamlBrokerFixture.IDP_ALIAS, body(template));

        assertOneCode(reply, code);
        assertThat(written()).isEqualTo(before);
    }

    @Test
    @DisplayName("an empty JSON body gets INVALID_REQUEST on every route")
    void emptyBodies() {
        String before = written();

        assertOneCode(admin.postRaw(PreviewIT.previewPath(fixture), "application/json", new byte[0]), "INVALID_REQUEST");
        assertOneCode(admin.postRaw(BASE + "/identity-providers", "application/json", new byte[0]), "INVALID_REQUEST");
        assertOneCode(admin.put(BASE + "/identity-providers/" + SamlBrokerFixture.IDP_ALIAS, ""), "INVALID_REQUEST");
        assertThat(written()).isEqualTo(before);
    }

    /** Saves an entry of a console page as the console does; Keycloak answers 400 with its own body on a refusal. */
    AdminApi.Reply saveEntry(String page, Map<String, Object> config) {
        String realmId = admin.get("/" + REALM).expect(200).json().get("id").asText();
        return admin.post("/" + REALM + "/components", map("name", "bad", "providerId", page,
                "providerType", "org.keycloak.services.ui.extend.UiPageProvider", "parentId", realmId, "config", config));
    }

    @Test
    @DisplayName("the console setup page: bad forms (a JIT setting, which lives on the mapper, a bad file, a quote and braces "
            + "in an alias) get 400 with their code, never 500, and write nothing")
    void consoleSetupPage() {
        String metadata = fixture.idpMetadata();
        Map<String, Map<String, Object>> forms = Map.of(
                "UNKNOWN_FIELD", map("alias", List.of("console-new"), "metadata", List.of(metadata),
                        "roleValues", List.of("[{\"key\":\"Eng\",\"value\":\"it's {weird}\"}]")),
                "NOT_WELL_FORMED", map("alias", List.of("console-new"), "metadata", List.of("{not xml}")),
                "INVALID_ALIAS", map("alias", List.of("it's {0}"), "metadata", List.of(metadata)));
        forms.forEach((code, form) -> {
            String before = written();

            AdminApi.Reply reply = saveEntry("jit-provisioning", form);

            assertThat(reply.status()).as("%s: %s", code, reply.body()).isEqualTo(400);
            assertThat(reply.body()).as(code).contains(code);
            assertThat(written()).as(code).isEqualTo(before);
        });
    }

    @Test
    @DisplayName("the console preview page: input with a wrong type gets 400 with its code, never 500")
    void consolePreviewPage() {
        for (Map.Entry<String, String> bad : Map.of(
                "INVALID_ATTRIBUTES", "{\"attributes\": {\"level\": 3}}",
                "INVALID_NAME_ID_FORMAT", "{\"attributes\": {}, \"nameId\": \"ada\", \"nameIdFormat\": \"not a uri\"}",
                "UNKNOWN_FIELD", "{\"attributes\": {}, \"nameid\": \"ada\"}",
                "INVALID_REQUEST", "{\"nameId\": \"ada\"}").entrySet()) {
            String before = written();
            int events = previewEvents();

            AdminApi.Reply reply = saveEntry("jit-provisioning-preview", map("alias", List.of(SamlBrokerFixture.IDP_ALIAS),
                    "input", List.of(bad.getValue())));

            assertThat(reply.status()).as("%s: %s", bad.getKey(), reply.body()).isEqualTo(400);
            assertThat(reply.body()).contains(bad.getKey());
            assertThat(written()).isEqualTo(before);
            assertThat(previewEvents()).isEqualTo(events);
        }
    }
}
