package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.UserRepresentation;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SamlLogin;
import io.jitprovisioning.testsupport.SamlXml;
import io.jitprovisioning.testsupport.SharedKeycloak;

/**
 * Responses an attacker controls: each sign-in must fail, and nothing may change (no account, role, attribute or
 * link). Keycloak's SAML broker does the rejecting; these tests prove the extension never acts on such a response.
 */
@DisplayName("Hostile SAML responses change nothing")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileSamlIT {

    SamlBrokerFixture fixture;
    SamlLogin saml;
    String victorId;

    @BeforeAll
    void setUp() {
        JitSettings settings = JitSettings.builder().defaultRole("support").idpManagedRoles(true)
                .map("role", AttributeTarget.USER_ROLE).map("firstName", AttributeTarget.USER_FIRST_NAME).build();
        fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), "hostile", settings.toConfig());
        for (String role : List.of("support", "developer", "manager", "tester")) {
            fixture.createRealmRole(role);
        }
        fixture.idpUser("victor", person("Victor", "developer"));
        assertThat(fixture.login("victor").isLoggedIn()).isTrue();
        victorId = fixture.brokerUser("victor").getId();
        saml = fixture.samlLogin();
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    static Map<String, List<String>> person(String first, String role) {
        return Map.of("firstName", List.of(first), "lastName", List.of("Hostile"), "email", List.of(first.toLowerCase() + "@example.org"),
                "role", List.of(role));
    }

    /** Everything an attack could change about Victor, and how many accounts exist. */
    private String state() {
        UserRepresentation victor = fixture.brokerUser("victor");
        return victor.getFirstName() + victor.getAttributes() + fixture.realmRolesOf(victorId) + fixture.federatedIdentities(victorId)
                + fixture.brokerUsers().size();
    }

    private static UnaryOperator<Map<String, String>> response(UnaryOperator<String> edit) {
        return fields -> {
            Map<String, String> changed = new LinkedHashMap<>(fields);
            changed.put("SAMLResponse", SamlXml.encode(edit.apply(SamlXml.decode(fields.get("SAMLResponse")))));
            return changed;
        };
    }

    /** Not signed in, and no server error: an error page, or Keycloak restarting the sign-in. */
    private static void assertRefused(LoginResult login) {
        assertThat(login.isLoggedIn()).as("%s", login).isFalse();
        assertThat(login.lastStatus()).as("%s", login).isBetween(200, 499);
    }

    @Test
    @DisplayName("a role value altered after signing")
    void alteredAfterSigning() {
        String before = state();
        fixture.idpUser("victor", person("Victor", "tester"));

        LoginResult login = fixture.login("victor", response(xml -> xml.replace(">tester<", ">manager<")));

        assertRefused(login);
        fixture.idpUser("vera", person("Vera", "tester"));
        assertRefused(fixture.login("vera", response(xml -> xml.replace(">tester<", ">manager<"))));
        assertThat(fixture.brokerUser("vera")).isNull();
        fixture.idpUser("victor", person("Victor", "developer"));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @DisplayName("an unsigned response and assertion, when signatures are required")
    void unsigned() {
        String before = state();
        fixture.idpUser("victor", person("Victor", "manager"));

        assertRefused(fixture.login("victor", response(SamlXml::withoutSignatures)));

        fixture.idpUser("victor", person("Victor", "developer"));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @DisplayName("a response signed by another key than the IdP's")
    void signedByAnotherKey() {
        String before = state();
        String otherCertificate = SamlBrokerFixture.create(fixture.admin(), "hostile-other", Map.of()).idpSigningCertificate();
        fixture.updateIdentityProvider(idp -> {
            @SuppressWarnings("unchecked")
            Map<String, String> config = (Map<String, String>) idp.get("config");
            config.put("signingCertificate", otherCertificate);
            return idp;
        });
        try {
            fixture.idpUser("victor", person("Victor", "manager"));
            assertRefused(fixture.login("victor"));
        } finally {
            fixture.updateIdentityProvider(idp -> {
                @SuppressWarnings("unchecked")
                Map<String, String> config = (Map<String, String>) idp.get("config");
                config.put("signingCertificate", fixture.idpSigningCertificate());
                return idp;
            });
            new SamlBrokerFixture.Deleter(fixture.admin(), "hostile-other").delete();
            fixture.idpUser("victor", person("Victor", "developer"));
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @DisplayName("a replayed response: into the same session, into a fresh session, into a new login")
    void replay() {
        SamlLogin.Captured captured = saml.captureResponse("victor", SamlBrokerFixture.PASSWORD);
        assertThat(captured.post(UnaryOperator.identity()).isLoggedIn()).isTrue();
        String before = state();
        fixture.idpUser("victor", person("Victor", "tester"));
        assertThat(fixture.login("victor").isLoggedIn()).isTrue();
        assertThat(fixture.realmRolesOf(victorId)).containsExactly("tester");

        assertRefused(captured.post(UnaryOperator.identity()));
        assertRefused(saml.postInFreshLogin(captured.fields()));

        assertThat(fixture.realmRolesOf(victorId)).as("the old response's role must not come back").containsExactly("tester");
        fixture.idpUser("victor", person("Victor", "developer"));
        assertThat(fixture.login("victor").isLoggedIn()).isTrue();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @DisplayName("a response for another audience and recipient")
    void otherAudience() {
        fixture.addIdentityProvider("other-sp", "https://other-sp.example/saml");
        String before = state();
        fixture.idpUser("walt", person("Walt", "manager"));
        SamlLogin.Captured forCorpIdp = saml.captureResponse("walt", SamlBrokerFixture.PASSWORD);

        SamlLogin otherSp = new SamlLogin(fixture.admin().baseUrl(), fixture.brokerRealm(), fixture.idpRealm(), "other-sp");
        LoginResult login = otherSp.postInFreshLogin(forCorpIdp.fields());

        assertRefused(login);
        assertThat(fixture.brokerUser("walt")).isNull();
        assertThat(state()).isEqualTo(before);
    }
}
