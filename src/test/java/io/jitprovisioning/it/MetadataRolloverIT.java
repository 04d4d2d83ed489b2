package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

/**
 * A new metadata file for an identity provider that is in use (a certificate rollover) changes only what the file
 * owns: certificates, endpoints, entity id, bindings. The NameID format and every other choice an administrator made
 * stay, so that existing users keep their accounts.
 */
@DisplayName("Re-uploading metadata (a certificate rollover) changes only what the metadata owns")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetadataRolloverIT {

    private static final String REALM = "rollover";
    private static final String BASE = "/" + REALM + "/jit-provisioning";
    private static final String ALIAS = SamlBrokerFixture.IDP_ALIAS;
    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    private static final String EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    /** Config keys the metadata owns; everything else of the identity provider is the administrator's. */
    private static final List<String> METADATA_OWNED = List.of("idpEntityId", "singleSignOnServiceUrl", "postBindingAuthnRequest",
            "singleLogoutServiceUrl", "postBindingLogout", "signingCertificate", "wantAuthnRequestsSigned");
    private static final Pattern NAME_ID_FORMATS = Pattern.compile("(<(?:\\w+:)?NameIDFormat>[^<]*</(?:\\w+:)?NameIDFormat>\\s*)+");

    SamlBrokerFixture fixture;
    AdminApi admin;
    String userId;

    @BeforeAll
    void setUp() {
        admin = SharedKeycloak.admin();
        fixture = SamlBrokerFixture.createWithoutIdentityProvider(admin, REALM);
        fixture.createRealmRole("developer");
        fixture.createRealmRole("support");
        admin.post(BASE + "/identity-providers", map("alias", ALIAS, "metadata", fixture.idpMetadata(), "jitEnabled", true,
                "defaultRole", "support", "idpManagedRoles", true,
                "attributeMapping", map("role", "USER_ROLE", "firstName", "USER_FIRST_NAME", "lastName", "USER_LAST_NAME",
                        "email", "USER_EMAIL"),
                "roleValues", map("Engineering", "developer"))).expect(201);
        assertThat(idpConfig().get("nameIDPolicyFormat").asText()).as("the setup's own choice: email, offered by the IdP").isEqualTo(EMAIL);
        chooseByHand();
        fixture.idpUser("vera", IdpPerson.named("Vera", "Rubin").email("vera@example.org").roles("Engineering"));
        LoginResult first = fixture.login("vera");
        assertThat(first.isLoggedIn()).as("%s", first).isTrue();
        userId = theOnlyUser().getId();
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    /**
     * Through Keycloak's own admin REST, as an administrator would in the console: a NameID format that is not the
     * setup's, the principal from an attribute, sync mode Force, Trust email on, unsigned requests.
     */
    private void chooseByHand() {
        fixture.updateIdentityProvider(idp -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) idp.get("config");
            config.put("nameIDPolicyFormat", PERSISTENT);
            config.put("principalType", "ATTRIBUTE");
            config.put("principalAttribute", "email");
            config.put("syncMode", "FORCE");
            config.put("wantAuthnRequestsSigned", "false");
            idp.put("trustEmail", true);
            return idp;
        });
    }

    private JsonNode idpRepresentation() {
        return admin.get("/" + REALM + "/identity-provider/instances/" + ALIAS).expect(200).json();
    }

    private JsonNode idpConfig() {
        return idpRepresentation().get("config");
    }

    /** The identity provider as Keycloak stores it, without what the metadata owns: the administrator's part. */
    private Map<String, Object> administratorsPart() {
        Map<String, Object> idp = admin.get("/" + REALM + "/identity-provider/instances/" + ALIAS, new TypeReference<Map<String, Object>>() {
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) idp.get("config"));
        METADATA_OWNED.forEach(config::remove);
        idp.put("config", config);
        return idp;
    }

    private String mappers() {
        return admin.get("/" + REALM + "/identity-provider/instances/" + ALIAS + "/mappers").expect(200).body();
    }

    private UserRepresentation theOnlyUser() {
        List<UserRepresentation> users = fixture.brokerUsers();
        assertThat(users).hasSize(1);
        return users.get(0);
    }

    /** Signs Vera in again and checks that she reached the account she had, linked to the same identity. */
    private void assertVeraSignsInToHerAccount() {
        LoginResult again = fixture.login("vera");

        assertThat(again.isLoggedIn()).as("%s", again).isTrue();
        assertThat(theOnlyUser().getId()).as("the same account, no second one").isEqualTo(userId);
        List<Map<String, Object>> links = fixture.federatedIdentities(userId);
        assertThat(links).hasSize(1);
        assertThat(links.get(0)).containsEntry("identityProvider", ALIAS).containsEntry("userId", "vera@example.org");
    }

    /** The IdP realm's metadata with its NameID formats replaced by {@code formats}, and the request signing it asks for. */
    private String metadataOffering(List<String> formats, boolean wantAuthnRequestsSigned) {
        String metadata = fixture.idpMetadata();
        Matcher listed = NAME_ID_FORMATS.matcher(metadata);
        assertThat(listed.find()).as("the IdP realm's metadata lists NameID formats").isTrue();
        String prefix = listed.group().startsWith("<md:") ? "md:" : "";
        StringBuilder replacement = new StringBuilder();
        formats.forEach(format -> replacement.append('<').append(prefix).append("NameIDFormat>").append(format)
                .append("</").append(prefix).append("NameIDFormat>"));
        String edited = metadata.substring(0, listed.start()) + replacement + metadata.substring(listed.end());
        assertThat(edited).doesNotContain(PERSISTENT);
        return edited.replace("WantAuthnRequestsSigned=\"true\"", "WantAuthnRequestsSigned=\"" + wantAuthnRequestsSigned + "\"");
    }

    /** A new signing key in the IdP realm, with priority over the old one: the IdP signs with it from now on. */
    private String rotateIdpSigningKey() {
        String idpRealmId = admin.get("/" + fixture.idpRealm()).expect(200).json().get("id").asText();
        String componentId = admin.post("/" + fixture.idpRealm() + "/components", map("name", "rolled-over", "providerId", "rsa-generated",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", idpRealmId,
                "config", map("priority", List.of("500"), "keySize", List.of("2048")))).expect(201).createdId();
        JsonNode keys = admin.get("/" + fixture.idpRealm() + "/keys").expect(200).json().get("keys");
        for (JsonNode key : keys) {
            if (componentId.equals(key.path("providerId").asText()) && key.has("certificate")) {
                return key.get("certificate").asText();
            }
        }
        throw new AssertionError("the new key has no certificate: " + keys);
    }

    private static List<String> codes(JsonNode body, String field) {
        return body.get(field).findValuesAsText("code");
    }

    @Test
    @DisplayName("a rollover with the IdP's new key and endpoints keeps every choice of the administrator, and Vera keeps her account")
    void rolloverKeepsTheAdministratorsChoices() {
        chooseByHand();
        String oldCertificate = fixture.idpSigningCertificate();
        String newCertificate = rotateIdpSigningKey();
        assertThat(fixture.login("vera").isLoggedIn()).as("signed by a key the broker does not know yet").isFalse();
        fixture.updateIdentityProvider(idp -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) idp.get("config");
            config.put("singleSignOnServiceUrl", "https://old-idp.example/sso");
            config.put("singleLogoutServiceUrl", "https://old-idp.example/slo");
            config.put("idpEntityId", "https://old-idp.example/entity");
            return idp;
        });
        Map<String, Object> before = administratorsPart();
        String mappersBefore = mappers();

        AdminApi.Reply reply = admin.put(BASE + "/identity-providers/" + ALIAS, map("metadata", fixture.idpMetadata()));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(codes(reply.json(), "warnings")).doesNotContain("NAME_ID_FORMAT_NOT_OFFERED");
        assertThat(administratorsPart()).as("everything but what the metadata owns").isEqualTo(before);
        JsonNode config = idpConfig();
        assertThat(config.get("nameIDPolicyFormat").asText()).as("email is offered, the administrator chose persistent").isEqualTo(PERSISTENT);
        assertThat(config.get("principalType").asText()).isEqualTo("ATTRIBUTE");
        assertThat(config.get("principalAttribute").asText()).isEqualTo("email");
        assertThat(config.get("syncMode").asText()).isEqualTo("FORCE");
        assertThat(idpRepresentation().get("trustEmail").asBoolean()).isTrue();
        assertThat(config.get("validateSignature").asText()).isEqualTo("true");
        assertThat(config.get("wantAssertionsSigned").asText()).isEqualTo("true");
        assertThat(config.get("wantAuthnRequestsSigned").asText()).as("the metadata says the IdP requires signed requests")
                .isEqualTo("true");
        String idpRealmUrl = admin.baseUrl() + "/realms/" + fixture.idpRealm();
        assertThat(config.get("signingCertificate").asText().split(",")).as("the new key, and the old one the IdP still publishes")
                .containsExactlyInAnyOrder(newCertificate, oldCertificate);
        assertThat(config.get("singleSignOnServiceUrl").asText()).isEqualTo(idpRealmUrl + "/protocol/saml");
        assertThat(config.get("singleLogoutServiceUrl").asText()).isEqualTo(idpRealmUrl + "/protocol/saml");
        assertThat(config.get("idpEntityId").asText()).isEqualTo(idpRealmUrl);
        assertThat(mappers()).as("the JIT mapper").isEqualTo(mappersBefore);
        assertVeraSignsInToHerAccount();
    }

    @Test
    @DisplayName("metadata that no longer offers the format in use: NAME_ID_FORMAT_NOT_OFFERED, the format stays, and Vera keeps her account")
    void formatNoLongerOfferedIsWarnedAboutAndKept() {
        chooseByHand();
        Map<String, Object> before = administratorsPart();
        String mappersBefore = mappers();

        AdminApi.Reply reply = admin.put(BASE + "/identity-providers/" + ALIAS,
                map("metadata", metadataOffering(List.of(TRANSIENT, EMAIL), false)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(codes(reply.json(), "warnings")).containsExactly("NAME_ID_FORMAT_NOT_OFFERED");
        assertThat(administratorsPart()).isEqualTo(before);
        assertThat(idpConfig().get("nameIDPolicyFormat").asText()).isEqualTo(PERSISTENT);
        assertThat(idpConfig().get("wantAuthnRequestsSigned").asText()).as("false in the file keeps the administrator's choice")
                .isEqualTo("false");
        assertThat(mappers()).isEqualTo(mappersBefore);
        assertVeraSignsInToHerAccount();
    }

    @Test
    @DisplayName("saving the console's setup page with a new file behaves alike: the format in use and every other choice stay")
    void setupPageReuploadKeepsTheAdministratorsChoices() {
        chooseByHand();
        Map<String, Object> before = administratorsPart();
        String realmId = admin.get("/" + REALM).expect(200).json().get("id").asText();

        AdminApi.Reply reply = admin.post("/" + REALM + "/components", map("name", ALIAS, "providerId", "jit-provisioning",
                "providerType", "org.keycloak.services.ui.extend.UiPageProvider", "parentId", realmId,
                "config", map("alias", List.of(ALIAS), "metadata", List.of(metadataOffering(List.of(TRANSIENT, EMAIL), false)))));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(administratorsPart()).isEqualTo(before);
        assertThat(idpConfig().get("nameIDPolicyFormat").asText()).as("email is offered, the administrator chose persistent")
                .isEqualTo(PERSISTENT);
        assertVeraSignsInToHerAccount();
    }
}
