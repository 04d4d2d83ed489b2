package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;

import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

@DisplayName("JIT provisioning with a default role, through real SAML brokering")
class FoundationIT {

    private static SamlBrokerFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), "foundation", Map.of("jit.enabled", "true", "default.role", "support"));
        fixture.createRealmRole("support");
    }

    @AfterAll
    static void tearDown() {
        fixture.delete();
    }

    @Test
    @DisplayName("first login creates an account linked to the IdP, with the chosen default role and no page in between")
    void firstLoginProvisions() {
        fixture.idpUser("alice", IdpPerson.named("Alice", "Liddell").email("alice@example.org"));

        LoginResult login = fixture.login("alice");

        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        assertThat(login.pagesShownByBroker(fixture.idpRealm())).as("%s", login).isEmpty();
        UserRepresentation alice = fixture.brokerUser("alice");
        assertThat(alice).isNotNull();
        assertThat(alice.getEmail()).isEqualTo("alice@example.org");
        assertThat(alice.getFirstName()).isEqualTo("Alice");
        assertThat(alice.getLastName()).isEqualTo("Liddell");
        assertThat(fixture.realmRolesOf(alice.getId())).containsExactly("support");
        assertThat(fixture.federatedIdentities(alice.getId()))
                .extracting(link -> link.get("identityProvider")).containsExactly(SamlBrokerFixture.IDP_ALIAS);
    }

    @Test
    @DisplayName("Keycloak loaded the mapper, the JIT step and the admin API from the jar, with the jar's version")
    void providersAreLoaded() {
        var providers = SharedKeycloak.admin().serverInfo().get("providers");

        assertThat(providers.get("identity-provider-mapper").get("providers").get("jit-provisioning-idp-mapper")
                .get("operationalInfo").get("Version").asText()).isEqualTo(System.getProperty("project.version"));
        assertThat(providers.get("authenticator").get("providers").has("jit-provisioning-authenticator")).isTrue();
        assertThat(providers.get("admin-realm-restapi-extension").get("providers").has("jit-provisioning")).isTrue();
    }

    @Test
    @DisplayName("an IdP that sends no email or names: the account is created, and Keycloak's Verify Profile asks once (as documented)")
    void noNamesSent() {
        fixture.acceptAnythingInIdpUserProfile();
        fixture.idpUser("nameless", Map.of());

        LoginResult login = fixture.login("nameless");

        assertThat(login.isLoggedIn()).isFalse();
        assertThat(login.last().uri().getPath()).as("%s", login).startsWith("/realms/foundation/");
        assertThat(login.lastText()).contains("Update Account Information");
        UserRepresentation nameless = fixture.brokerUser("nameless");
        assertThat(nameless).isNotNull();
        assertThat(fixture.realmRolesOf(nameless.getId())).containsExactly("support");
    }

    @Test
    @DisplayName("a second login signs in to the same account and creates nothing new")
    void secondLoginCreatesNothing() {
        fixture.idpUser("bob", IdpPerson.named("Bob", "Builder").email("bob@example.org"));
        assertThat(fixture.login("bob").isLoggedIn()).isTrue();
        String id = fixture.brokerUser("bob").getId();
        int users = fixture.brokerUsers().size();

        LoginResult again = fixture.login("bob");

        assertThat(again.isLoggedIn()).as("%s", again).isTrue();
        assertThat(again.pagesShownByBroker(fixture.idpRealm())).isEmpty();
        assertThat(fixture.brokerUsers()).hasSize(users);
        assertThat(fixture.brokerUser("bob").getId()).isEqualTo(id);
    }
}
