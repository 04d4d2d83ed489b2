package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.MasterAdmins;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

@DisplayName("The admin REST API: metadata validation and one-step setup")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiIT {

    private static final String BASE = "/setup/jit-provisioning";

    SamlBrokerFixture fixture;
    AdminApi admin;

    @BeforeAll
    void setUp() {
        admin = SharedKeycloak.admin();
        fixture = SamlBrokerFixture.createWithoutIdentityProvider(admin, "setup");
        fixture.createRealmRole("developer");
        fixture.createRealmRole("support");
        Map<String, Object> realm = admin.get("/setup", new TypeReference<Map<String, Object>>() {
        });
        realm.put("adminEventsEnabled", true);
        realm.put("adminEventsDetailsEnabled", true);
        admin.put("/setup", realm).expect(204);
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    private AdminApi.Reply validate(String xml) {
        return admin.postRaw(BASE + "/metadata/validate", "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(JsonNode body, String field) {
        return body.get(field).findValuesAsText("code");
    }

    private Map<String, Object> setupBody(String alias) {
        return map("alias", alias, "displayName", "Corp IdP", "metadata", fixture.idpMetadata(),
                "jitEnabled", true, "defaultRole", "support", "idpManagedRoles", true,
                "attributeMapping", map("role", "USER_ROLE", "firstName", "USER_FIRST_NAME", "lastName", "USER_LAST_NAME",
                        "email", "USER_EMAIL"),
                "roleValues", map("Engineering", "developer"), "unknownRolePolicy", "DEFAULT_ROLE", "assignableRoles", List.of());
    }

    /** The console setup page's form, stored as Keycloak's console stores it: a UiPageProvider component. */
    private Map<String, Object> component(String alias, String metadata) {
        String realmId = admin.get("/setup").expect(200).json().get("id").asText();
        return map("name", alias, "providerId", "jit-provisioning", "providerType", "org.keycloak.services.ui.extend.UiPageProvider",
                "parentId", realmId, "config", map("alias", List.of(alias), "metadata", List.of(metadata)));
    }

    @Nested
    @DisplayName("POST /metadata/validate")
    class Validate {

        @Test
        @DisplayName("real IdP metadata is valid: entity id, SSO services and certificates are reported")
        void validMetadata() {
            AdminApi.Reply reply = validate(fixture.idpMetadata());

            assertThat(reply.status()).isEqualTo(200);
            JsonNode body = reply.json();
            assertThat(body.get("valid").asBoolean()).isTrue();
            assertThat(body.get("entityId").asText()).isEqualTo(admin.baseUrl() + "/realms/" + fixture.idpRealm());
            assertThat(body.get("ssoServices").findValuesAsText("binding")).containsExactlyInAnyOrder(
                    "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect");
            assertThat(body.get("certificates").findValuesAsText("use")).as("the IdP realm's one signing key").containsExactly("signing");
            assertThat(body.get("errors")).isEmpty();
        }

        @Test
        @DisplayName("broken, hostile and wrong-kind files get 400 with their precise code")
        void invalidMetadata() {
            assertThat(codes(validate("<md:EntityDescriptor").json(), "errors")).containsExactly("NOT_WELL_FORMED");
            assertThat(codes(validate("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                    .json(), "errors")).containsExactly("DOCTYPE_FORBIDDEN");
            String spMetadata = fixture.idpMetadata().replace("IDPSSODescriptor", "SPSSODescriptor");
            AdminApi.Reply sp = validate(spMetadata);
            assertThat(sp.status()).isEqualTo(400);
            assertThat(codes(sp.json(), "errors")).containsExactly("MISSING_IDP_SSO_DESCRIPTOR");
            AdminApi.Reply huge = admin.postRaw(BASE + "/metadata/validate", "text/xml", new byte[1024 * 1024 + 1]);
            assertThat(codes(huge.json(), "errors")).containsExactly("TOO_LARGE");
        }

        @Test
        @DisplayName("a multipart file upload works like a plain XML body")
        void multipartUpload() {
            String boundary = "jit-boundary";
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"idp.xml\"\r\n"
                    + "Content-Type: application/xml\r\n\r\n" + fixture.idpMetadata() + "\r\n--" + boundary + "--\r\n";

            AdminApi.Reply reply = admin.postRaw(BASE + "/metadata/validate", "multipart/form-data; boundary=" + boundary,
                    multipart.getBytes(StandardCharsets.UTF_8));

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().get("valid").asBoolean()).isTrue();
        }
    }

    @Nested
    @DisplayName("POST /identity-providers")
    class Create {

        @Test
        @DisplayName("creates IdP, mapper and flow in one request; a SAML login through it is JIT-provisioned")
        void oneStepSetupWorks() {
            AdminApi.Reply reply = admin.post(BASE + "/identity-providers", setupBody(SamlBrokerFixture.IDP_ALIAS));

            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            assertThat(reply.location()).endsWith("/jit-provisioning/identity-providers/" + SamlBrokerFixture.IDP_ALIAS);
            JsonNode idp = admin.get("/setup/identity-provider/instances/" + SamlBrokerFixture.IDP_ALIAS).expect(200).json();
            assertThat(idp.get("config").get("validateSignature").asText()).isEqualTo("true");
            assertThat(idp.get("config").get("wantAssertionsSigned").asText()).isEqualTo("true");
            assertThat(idp.get("config").get("postBindingAuthnRequest").asText()).isEqualTo("true");
            assertThat(idp.get("config").get("principalType").asText()).isEqualTo("SUBJECT");

            fixture.idpUser("yuri", IdpPerson.named("Yuri", "Gagarin").email("yuri@example.org").roles("Engineering"));
            LoginResult login = fixture.login("yuri");

            assertThat(login.isLoggedIn()).as("%s", login).isTrue();
            assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
            UserRepresentation yuri = fixture.brokerUser("yuri");
            assertThat(fixture.realmRolesOf(yuri.getId())).containsExactly("developer");

            List<AdminEventRepresentation> events = admin.get("/setup/admin-events?max=50", new TypeReference<List<AdminEventRepresentation>>() {
            });
            assertThat(events).filteredOn(event -> event.getResourcePath().startsWith("identity-provider/instances/" + SamlBrokerFixture.IDP_ALIAS))
                    .extracting(AdminEventRepresentation::getResourceType, AdminEventRepresentation::getOperationType)
                    .containsExactlyInAnyOrder(tuple("IDENTITY_PROVIDER", "CREATE"), tuple("IDENTITY_PROVIDER_MAPPER", "CREATE"));
            assertThat(events).as("the IdP's representation, made by whichever signature this Keycloak has")
                    .filteredOn(event -> "IDENTITY_PROVIDER".equals(event.getResourceType()))
                    .anySatisfy(event -> assertThat(event.getRepresentation())
                            .contains("\"alias\":\"" + SamlBrokerFixture.IDP_ALIAS + "\"").contains("\"providerId\":\"saml\""));

            AdminApi.Reply again = admin.post(BASE + "/identity-providers", setupBody(SamlBrokerFixture.IDP_ALIAS));
            assertThat(again.status()).isEqualTo(409);
            assertThat(codes(again.json(), "errors")).containsExactly("ALIAS_EXISTS");
        }

        @Test
        @DisplayName("bad settings or metadata get 400 with every error, and nothing is created")
        void rejectsAndWritesNothing() {
            Map<String, Object> body = setupBody("broken");
            body.put("metadata", "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\"/>");
            body.put("defaultRole", "no-such-role");
            body.put("attributeMapping", map("role", "USER_ROLES"));
            body.put("unknownRolePolicy", "MAYBE");

            AdminApi.Reply reply = admin.post(BASE + "/identity-providers", body);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(codes(reply.json(), "errors")).containsExactlyInAnyOrder("UNKNOWN_DEFAULT_ROLE", "INVALID_ATTRIBUTE_MAPPING",
                    "INVALID_UNKNOWN_ROLE_POLICY", "MISSING_IDP_SSO_DESCRIPTOR");
            assertThat(admin.get("/setup/identity-provider/instances/broken").status()).isEqualTo(404);
            assertThat(admin.get(BASE + "/identity-providers/broken").status()).isEqualTo(404);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("GET and PUT /identity-providers/{alias}")
    class ReadAndUpdate {

        @BeforeAll
        void createIdp() {
            admin.post(BASE + "/identity-providers", setupBody("second")).expect(201);
        }

        @Test
        @DisplayName("GET shows the settings and the metadata's certificates")
        void get() {
            JsonNode summary = admin.get(BASE + "/identity-providers/second").expect(200).json();

            assertThat(summary.get("firstBrokerLoginFlow").asText()).isEqualTo("JIT first broker login");
            assertThat(summary.get("settings").get("defaultRole").asText()).isEqualTo("support");
            assertThat(summary.get("settings").get("attributeMapping").get("role").asText()).isEqualTo("USER_ROLE");
            assertThat(summary.get("settings").get("syncMode").asText()).isEqualTo("FORCE");
            assertThat(summary.get("certificates").findValuesAsText("use")).as("the IdP realm's one signing key")
                    .containsExactly("signing");
        }

        @Test
        @DisplayName("PUT on an identity provider that is not SAML is refused with UNSUPPORTED_IDP_TYPE, and nothing changes")
        void putOnOidcIsRefused() {
            admin.post("/setup/identity-provider/instances", map("alias", "oidc-idp", "providerId", "oidc", "enabled", true,
                    "config", map("clientId", "x", "clientSecret", "y", "authorizationUrl", "https://idp.example/auth",
                            "tokenUrl", "https://idp.example/token"))).expect(201);

            AdminApi.Reply reply = admin.put(BASE + "/identity-providers/oidc-idp", map("metadata", fixture.idpMetadata()));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(codes(reply.json(), "errors")).containsExactly("UNSUPPORTED_IDP_TYPE");
            JsonNode idp = admin.get("/setup/identity-provider/instances/oidc-idp").expect(200).json();
            assertThat(idp.get("providerId").asText()).isEqualTo("oidc");
            assertThat(idp.get("config").get("tokenUrl").asText()).isEqualTo("https://idp.example/token");
            assertThat(admin.get("/setup/identity-provider/instances/oidc-idp/mappers").json()).isEmpty();
            assertThat(admin.get(BASE + "/identity-providers/oidc-idp").status()).isEqualTo(400);
        }

        @Test
        @DisplayName("PUT changes only what it names, and a metadata re-upload keeps the mapper")
        void put() {
            admin.put(BASE + "/identity-providers/second", map("defaultRole", "developer", "jitEnabled", false)).expect(200);
            admin.put(BASE + "/identity-providers/second", map("metadata", fixture.idpMetadata())).expect(200);

            JsonNode summary = admin.get(BASE + "/identity-providers/second").expect(200).json();
            assertThat(summary.get("settings").get("defaultRole").asText()).isEqualTo("developer");
            assertThat(summary.get("settings").get("jitEnabled").asBoolean()).isFalse();
            assertThat(summary.get("settings").get("idpManagedRoles").asBoolean()).isTrue();
            assertThat(admin.get("/setup/identity-provider/instances/second/mappers").json()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("the admin console's setup page (a UiPageProvider component)")
    class SetupPage {

        @Test
        @DisplayName("saving the page sets up the identity provider with the JIT mapper and flow, recorded as the REST API records it")
        void savingSetsUp() {
            admin.post("/setup/components", component("from-console", fixture.idpMetadata())).expect(201);

            JsonNode summary = admin.get(BASE + "/identity-providers/from-console").expect(200).json();
            assertThat(summary.get("firstBrokerLoginFlow").asText()).isEqualTo("JIT first broker login");
            assertThat(summary.get("settings").get("jitEnabled").asBoolean()).as("the defaults").isTrue();
            assertThat(summary.get("settings").get("defaultRole").asText()).isEqualTo("Agent");
            assertThat(summary.get("settings").get("idpManagedRoles").asBoolean()).isFalse();
            List<AdminEventRepresentation> events = admin.get("/setup/admin-events?max=100", new TypeReference<List<AdminEventRepresentation>>() {
            });
            assertThat(events).filteredOn(event -> event.getResourcePath().startsWith("identity-provider/instances/from-console"))
                    .extracting(AdminEventRepresentation::getResourceType, AdminEventRepresentation::getOperationType)
                    .containsExactlyInAnyOrder(tuple("IDENTITY_PROVIDER", "CREATE"), tuple("IDENTITY_PROVIDER_MAPPER", "CREATE"));
        }

        /** The page's stored entry of an identity provider, as the console reads it for its list and form. */
        private Map<String, List<String>> entry(String alias) {
            return admin.get("/setup/components?type=org.keycloak.services.ui.extend.UiPageProvider",
                            new TypeReference<List<ComponentRepresentation>>() {
                            }).stream()
                    .filter(component -> List.of(alias).equals(component.getConfig().get("alias")))
                    .map(component -> (Map<String, List<String>>) component.getConfig()).findFirst().orElse(null);
        }

        @Test
        @DisplayName("the entry holds only the alias and the file: settings changed elsewhere stay when it is saved again unchanged, "
                + "a rollover made through the REST API is not undone, and the entry goes with the identity provider")
        void entryHoldsOnlyTheUpload() {
            String componentId = admin.post("/setup/components", component("single", fixture.idpMetadata())).expect(201).createdId();
            admin.put(BASE + "/identity-providers/single", map("jitEnabled", false)).expect(200);
            String rolledOver = fixture.idpMetadata().replace("/protocol/saml\"", "/protocol/saml?rolled-over\"");
            assertThat(rolledOver).isNotEqualTo(fixture.idpMetadata());
            admin.put(BASE + "/identity-providers/single", map("metadata", rolledOver)).expect(200);
            String ssoAfterRollover = admin.get(BASE + "/identity-providers/single").expect(200).json().get("singleSignOnServiceUrl").asText();
            assertThat(ssoAfterRollover).endsWith("?rolled-over");

            ComponentRepresentation entry = admin.get("/setup/components/" + componentId, ComponentRepresentation.class);
            admin.put("/setup/components/" + componentId, entry).expect(204);

            JsonNode summary = admin.get(BASE + "/identity-providers/single").expect(200).json();
            assertThat(summary.get("settings").get("jitEnabled").asBoolean()).as("set through the REST API").isFalse();
            assertThat(summary.get("singleSignOnServiceUrl").asText()).as("the rollover stays").isEqualTo(ssoAfterRollover);
            assertThat(entry("single")).containsOnlyKeys("alias", "metadata");

            admin.delete("/setup/identity-provider/instances/single").expect(204);
            assertThat(entry("single")).as("after the identity provider was deleted").isNull();
        }

        @Test
        @DisplayName("JIT settings sent to the page are refused (UNKNOWN_FIELD): they live on the mapper, and nothing is saved")
        void settingsAreRefusedOnThePage() {
            Map<String, Object> withSettings = component("with-settings", fixture.idpMetadata());
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) withSettings.get("config");
            config.put("jit.enabled", List.of("false"));

            AdminApi.Reply reply = admin.post("/setup/components", withSettings);

            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.body()).contains("UNKNOWN_FIELD");
            assertThat(admin.get("/setup/identity-provider/instances/with-settings").status()).isEqualTo(404);
            assertThat(entry("with-settings")).isNull();
        }

        @Test
        @DisplayName("a bad metadata file is refused with its code, and nothing is saved")
        void badFileIsRefused() {
            AdminApi.Reply reply = admin.post("/setup/components", component("bad-console", "<md:EntityDescriptor"));

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).contains("NOT_WELL_FORMED");
            assertThat(admin.get("/setup/identity-provider/instances/bad-console").status()).isEqualTo(404);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("permissions")
    class Permissions {

        AdminApi viewer;
        AdminApi nobody;
        AdminApi realmManager;

        @BeforeAll
        void createAdmins() {
            viewer = MasterAdmins.masterUser(admin, "jit-viewer", "setup-realm", "view-identity-providers");
            nobody = MasterAdmins.masterUser(admin, "jit-nobody", null);
            realmManager = MasterAdmins.masterUser(admin, "jit-realm-manager", "setup-realm", "manage-realm");
            admin.post(BASE + "/identity-providers", setupBody("guarded")).expect(201);
        }

        @Test
        @DisplayName("without manage-identity-providers: 403 on validate and setup; view is enough for GET")
        void forbidden() {
            assertThat(nobody.postRaw(BASE + "/metadata/validate", "application/xml", "<x/>".getBytes(StandardCharsets.UTF_8)).status())
                    .isEqualTo(403);
            assertThat(nobody.post(BASE + "/identity-providers", setupBody("nope")).status()).isEqualTo(403);
            assertThat(viewer.post(BASE + "/identity-providers", setupBody("nope")).status()).isEqualTo(403);
            assertThat(viewer.get(BASE + "/identity-providers/guarded").status()).isEqualTo(200);
            assertThat(nobody.get(BASE + "/identity-providers/guarded").status()).isEqualTo(403);
        }

        @Test
        @DisplayName("the console page needs manage-identity-providers too: manage-realm alone gets 403, and nothing is written")
        void consolePageNeedsManageIdentityProviders() {
            AdminApi.Reply reply = realmManager.post("/setup/components", component("sneaky", fixture.idpMetadata()));

            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
            assertThat(admin.get("/setup/identity-provider/instances/sneaky").status()).isEqualTo(404);
            assertThat(admin.get("/setup/components?type=org.keycloak.services.ui.extend.UiPageProvider&name=sneaky").json()).isEmpty();
        }
    }
}
