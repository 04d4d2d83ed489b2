package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

/**
 * A refused first sign-in writes nothing at all, the realm's preparation included, and a NameID that would become a
 * username with invisible characters is refused.
 */
@DisplayName("First sign-ins: nothing written before a refusal, and no username with invisible characters")
class FirstSignInHygieneIT {

    /** No default role (so the realm role Agent is the default, created when the realm is prepared), and a gate. */
    static SamlBrokerFixture fixture(String name) {
        SamlBrokerFixture fixture = SamlBrokerFixture.create(SharedKeycloak.admin(), name,
                JitSettings.builder().set(JitConfigProperties.JIT_ENABLED, true).set(JitConfigProperties.REQUIRED_ATTRIBUTE, "status")
                        .set(JitConfigProperties.REQUIRED_VALUES, List.of("active")).build().toConfig());
        fixture.acceptAnythingInIdpUserProfile();
        return fixture;
    }

    /** A person with what a fresh realm's user profile requires, and a status for the gate. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given a realm never prepared for JIT (no Agent role, no user-profile declarations)")
    class RealmPreparation {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("hygiene-prep");
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("a first sign-in refused by a gate prepares nothing; an admitted one does")
        void refusedFirstSignInPreparesNothing() {
            assertThat(fixture.realmRole("Agent")).as("not prepared yet").isNull();
            fixture.idpUser("rex", IdpPerson.named("rex", "Person").email("rex@corp.test").status("former"));

            Refused.withNoAccount(fixture, fixture.login("rex"), "NOT_ALLOWED", "rex");

            assertThat(fixture.realmRole("Agent")).as("role Agent").isNull();
            assertThat(fixture.declaredProfileAttributes()).doesNotContain("displayName", "phoneNumber");

            fixture.idpUser("amy", IdpPerson.named("amy", "Person").email("amy@corp.test").status("active"));
            LoginResult amy = fixture.login("amy");
            assertThat(amy.isLoggedIn()).as("%s", amy).isTrue();
            assertThat(fixture.realmRole("Agent")).isNotNull();
            assertThat(fixture.declaredProfileAttributes()).contains("displayName", "phoneNumber");
            assertThat(fixture.realmRolesOf(fixture.brokerUser("amy").getId())).containsExactly("Agent");
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("given NameIDs used as usernames")
    class Usernames {

        SamlBrokerFixture fixture;

        @BeforeAll
        void setUp() {
            fixture = fixture("hygiene-names");
        }

        @AfterAll
        void tearDown() {
            fixture.delete();
        }

        @Test
        @DisplayName("a NameID with a zero-width space is refused with INVALID_USERNAME, and no account is made; a clean one signs in")
        void usernameWithInvisibleCharactersIsRefused() {
            fixture.idpUser("zed\u200Bx", IdpPerson.named("zed", "Person").email("zed@corp.test").status("active"));
            fixture.idpUser("zoey", IdpPerson.named("zoey", "Person").email("zoey@corp.test").status("active"));

            LoginResult unclean = fixture.login("zed\u200Bx");

            Refused.withNoAccount(fixture, unclean, "INVALID_USERNAME", "zed\u200Bx");
            assertThat(fixture.brokerUser("zedx")).isNull();
            LoginResult clean = fixture.login("zoey");
            assertThat(clean.isLoggedIn()).as("%s", clean).isTrue();
        }
    }
}
