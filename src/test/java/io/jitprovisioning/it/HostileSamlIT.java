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

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.testsupport.IdpPerson;
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

    /** The account every attack is after. */
    private static final IdpPerson VICTOR = IdpPerson.named("Victor", "Hostile").email("victor@example.org");

    SamlBrokerFixture fixture;
    SamlLogin saml;
    String victorId;

    @BeforeAll
    void setUp() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, "support").set(JitConfigProperties.IDP_MANAGED_ROLES, true)
                .map("role", AttributeTarget.USER_ROLE).map("firstName", AttributeTarget.USER_FIRST_NAME).build();
        fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), "hostile", settings.toConfig());
        for (String role : List.of("support", "developer", "manager", "tester")) {
            fixture.createRealmRole(role);
        }
        fixture.idpUser("victor", VICTOR.roles("developer"));
        assertThat(fixture.login("victor").isLoggedIn()).isTrue();
        victorId = fixture.brokerUser("victor").getId();
        saml = fixture.samlLogin();
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
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

    /**
     * How Keycloak's SAML broker turns each attack away, as the person's browser sees it: one status and one message of
     * Keycloak's login theme (the same text in every supported release).
     */
    private enum Refusal {
        /** {@code identityProviderInvalidSignatureMessage}: a signature that does not verify, or none. */
        INVALID_SIGNATURE(400, "Invalid signature in response from identity provider."),
        /** {@code alreadyLoggedIn}: a response posted again into the session it already signed in. */
        ALREADY_LOGGED_IN(400, "You are already logged in."),
        /** {@code loginTimeout}: a response that belongs to no sign-in of this browser; the sign-in starts over. */
        SIGN_IN_STARTS_OVER(200, "Your login attempt timed out. Login will start from the beginning."),
        /** {@code invalidRequestMessage}: a response for another service provider (audience and destination). */
        INVALID_REQUEST(400, "Invalid Request");

        final int status;
        final String message;

        Refusal(int status, String message) {
            this.status = status;
            this.message = message;
        }
    }

    private static void assertRefused(LoginResult login, Refusal refusal) {
        assertThat(login.isLoggedIn()).as("%s", login).isFalse();
        assertThat(login.lastStatus()).as("%s", login).isEqualTo(refusal.status);
        assertThat(login.lastText()).as("%s", login).contains(refusal.message);
    }

    @Test
    @DisplayName("a role value altered after signing")
    void alteredAfterSigning() {
        String before = state();
        fixture.idpUser("victor", VICTOR.roles("tester"));

        LoginResult login = fixture.login("victor", response(xml -> xml.replace(">tester<", ">manager<")));

        assertRefused(login, Refusal.INVALID_SIGNATURE);
        fixture.idpUser("vera", IdpPerson.named("Vera", "Hostile").email("vera@example.org").roles("tester"));
        assertRefused(fixture.login("vera", response(xml -> xml.replace(">tester<", ">manager<"))), Refusal.INVALID_SIGNATURE);
        assertThat(fixture.brokerUser("vera")).isNull();
        fixture.idpUser("victor", VICTOR.roles("developer"));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @DisplayName("an unsigned response and assertion, when signatures are required")
    void unsigned() {
        String before = state();
        fixture.idpUser("victor", VICTOR.roles("manager"));

        assertRefused(fixture.login("victor", response(SamlXml::withoutSignatures)), Refusal.INVALID_SIGNATURE);

        fixture.idpUser("victor", VICTOR.roles("developer"));
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
            fixture.idpUser("victor", VICTOR.roles("manager"));
            assertRefused(fixture.login("victor"), Refusal.INVALID_SIGNATURE);
        } finally {
            fixture.updateIdentityProvider(idp -> {
                @SuppressWarnings("unchecked")
                Map<String, String> config = (Map<String, String>) idp.get("config");
                config.put("signingCertificate", fixture.idpSigningCertificate());
                return idp;
            });
            new SamlBrokerFixture.Deleter(fixture.admin(), "hostile-other").delete();
            fixture.idpUser("victor", VICTOR.roles("developer"));
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @DisplayName("a replayed response: into the same session, into a fresh session, into a new login")
    void replay() {
        SamlLogin.Captured captured = saml.captureResponse("victor", SamlBrokerFixture.PASSWORD);
        assertThat(captured.post(UnaryOperator.identity()).isLoggedIn()).isTrue();
        String before = state();
        fixture.idpUser("victor", VICTOR.roles("tester"));
        assertThat(fixture.login("victor").isLoggedIn()).isTrue();
        assertThat(fixture.realmRolesOf(victorId)).containsExactly("tester");

        assertRefused(captured.post(UnaryOperator.identity()), Refusal.ALREADY_LOGGED_IN);
        assertRefused(saml.postInFreshLogin(captured.fields()), Refusal.SIGN_IN_STARTS_OVER);

        assertThat(fixture.realmRolesOf(victorId)).as("the old response's role must not come back").containsExactly("tester");
        fixture.idpUser("victor", VICTOR.roles("developer"));
        assertThat(fixture.login("victor").isLoggedIn()).isTrue();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @DisplayName("a response for another audience and recipient")
    void otherAudience() {
        fixture.addIdentityProvider("other-sp", "https://other-sp.example/saml");
        String before = state();
        fixture.idpUser("walt", IdpPerson.named("Walt", "Hostile").email("walt@example.org").roles("manager"));
        SamlLogin.Captured forCorpIdp = saml.captureResponse("walt", SamlBrokerFixture.PASSWORD);

        SamlLogin otherSp = new SamlLogin(fixture.admin().baseUrl(), fixture.brokerRealm(), fixture.idpRealm(), "other-sp");
        LoginResult login = otherSp.postInFreshLogin(forCorpIdp.fields());

        assertRefused(login, Refusal.INVALID_REQUEST);
        assertThat(fixture.brokerUser("walt")).isNull();
        assertThat(state()).isEqualTo(before);
    }
}
