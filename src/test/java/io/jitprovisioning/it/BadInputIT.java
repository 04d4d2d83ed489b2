package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.UserRepresentation;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

/** Garbage from the IdP: the sign-in succeeds with clean, bounded values or fails with a clear page; never a 500. */
@DisplayName("Bad input from the identity provider")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

    SamlBrokerFixture fixture;

    @BeforeAll
    void setUp() {
        JitSettings settings = SamlBrokerFixture.managedRolesMappingAllSent("support")
                .map("longName", AttributeTarget.USER_FIRST_NAME).build();
        fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), "bad-input", settings.toConfig());
        fixture.acceptAnythingInIdpUserProfile("displayName", "phone", "role", "longName");
        // The IdP realm's own database holds names of at most 255 characters: longer ones travel in another attribute.
        fixture.sendAttribute("longName", null, "longName");
        fixture.createRealmRole("support");
        fixture.createRealmRole("developer");
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    private LoginResult loginWith(String username, Map<String, List<String>> changes) {
        Map<String, List<String>> attributes = IdpPerson.named("Bad", "Input").email(username + "@example.org")
                .roles("developer").attributes();
        attributes.putAll(changes);
        fixture.idpUser(username, attributes);
        return fixture.login(username);
    }

    private static void assertNoServerError(LoginResult login) {
        assertThat(login.history()).as("%s", login).allSatisfy(page -> assertThat(page.status()).isLessThan(500));
        assertThat(login.lastText()).doesNotContain("Exception", "at org.keycloak");
    }

    @Test
    @DisplayName("a 300-character name is cut to 255; control (those XML allows), zero-width and bidi characters are removed")
    void namesAreCleaned() {
        LoginResult login = loginWith("names", Map.of(
                "firstName", List.of(), "longName", List.of("N".repeat(300)),
                "displayName", List.of("Ad\u007Fam\u200B \u202Eevil\u202C\u2066 \t\n\u0085 Smith\uFEFF")));

        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        UserRepresentation user = fixture.brokerUser("names");
        assertThat(user.getFirstName()).isEqualTo("N".repeat(255));
        assertThat(user.getAttributes().get("displayName")).containsExactly("Adam evil Smith");
    }

    @Test
    @DisplayName("an email that is not an email and a phone number with letters are not used, and the event says so")
    void unfitValuesAreRejected() {
        assertThat(loginWith("unfit", Map.of("phone", List.of("+49 30 1234567"))).isLoggedIn()).isTrue();

        LoginResult login = loginWith("unfit", Map.of("email", List.of("not-an-email"), "phone", List.of("call me maybe")));

        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        UserRepresentation user = fixture.brokerUser("unfit");
        assertThat(user.getEmail()).isEqualTo("unfit@example.org");
        assertThat(user.getAttributes().get("phoneNumber")).containsExactly("+49 30 1234567");
        assertThat(ManagedRolesIT.lastJitEvent(fixture, user.getId()).getDetails())
                .containsEntry("jit_profile_rejected", "USER_EMAIL,USER_PHONE_NUMBER");
    }

    @Test
    @DisplayName("520 values for one attribute: exactly 100 are considered, nothing unknown is granted, the event stays short")
    void manyValues() {
        List<String> unknown = IntStream.range(0, 520).mapToObj(i -> "n" + i).toList();

        LoginResult login = loginWith("many", Map.of("role", unknown));

        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        String id = fixture.brokerUser("many").getId();
        assertThat(fixture.realmRolesOf(id)).containsExactly("support");
        assertThat(ManagedRolesIT.lastJitEvent(fixture, id).getDetails().get("jit_roles_refused"))
                .as("20 listed, the other 80 of the 100 considered counted").endsWith(",...(+80)");
    }

    @Test
    @DisplayName("100 values, one of them a role: all are considered, and the role is granted")
    void hundredValuesAreAllConsidered() {
        List<String> roles = new ArrayList<>(IntStream.range(0, 99).mapToObj(i -> "n" + i).toList());
        roles.add("developer");

        LoginResult login = loginWith("hundred", Map.of("role", roles));

        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        assertThat(fixture.realmRolesOf(fixture.brokerUser("hundred").getId())).containsExactly("developer");
    }

    @Test
    @DisplayName("80 KB of values (just under Keycloak's 128 KiB form limit) are bounded; a 200 KB response is refused by Keycloak with 413")
    void hugeValues() {
        // The IdP realm keeps at most 2048 characters per value, so the bulk comes as many long values.
        List<String> nearLimitValues = IntStream.range(0, 40).mapToObj(i -> i + "D".repeat(1990)).toList();
        LoginResult nearLimit = loginWith("huge", Map.of("displayName", nearLimitValues));

        assertNoServerError(nearLimit);
        assertThat(nearLimit.isLoggedIn()).as("%s", nearLimit).isTrue();
        assertThat(fixture.brokerUser("huge").getAttributes().get("displayName").get(0)).hasSize(255).contains("DDDD");

        List<String> chunks = IntStream.range(0, 100).mapToObj(i -> i + "E".repeat(1990)).toList();
        LoginResult overLimit = loginWith("huger", Map.of("displayName", chunks));

        assertThat(overLimit.isLoggedIn()).isFalse();
        assertThat(overLimit.lastStatus()).isEqualTo(413);
        assertThat(fixture.brokerUser("huger")).isNull();
        assertThat(loginWith("healthy", Map.of()).isLoggedIn()).as("the server stays healthy").isTrue();
    }
}
