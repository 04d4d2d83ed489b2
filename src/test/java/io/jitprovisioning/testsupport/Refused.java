package io.jitprovisioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refused sign-in must show: its code on the refusal page, and nothing written to the account it looked at. */
public final class Refused {

    private Refused() {
    }

    /**
     * Refused with {@code code}, and the existing account got no link, role, session or provenance (of roles or groups:
     * every membership the extension makes is recorded there; memberships an administrator made are the account's own).
     */
    public static void withNothingWritten(SamlBrokerFixture fixture, LoginResult login, String code, String accountId) {
        withCode(login, code);
        assertThat(fixture.federatedIdentities(accountId)).as("links").isEmpty();
        assertThat(fixture.realmRolesOf(accountId)).as("roles").isEmpty();
        assertThat(fixture.sessionsOf(accountId)).as("sessions").isEmpty();
        assertThat(fixture.grantedRoles(accountId)).as("provenance of roles").isEmpty();
        assertThat(fixture.grantedGroups(accountId)).as("provenance of groups").isEmpty();
    }

    /** Refused with {@code code}, and no account was made for the person signing in. */
    public static void withNoAccount(SamlBrokerFixture fixture, LoginResult login, String code, String username) {
        withCode(login, code);
        assertThat(fixture.brokerUser(username)).as("no account %s", username).isNull();
    }

    /** The refusal page with {@code code}: 409 for TRY_AGAIN (another sign-in of this account is under way), else 403. */
    public static void withCode(LoginResult login, String code) {
        assertThat(login.isLoggedIn()).as("%s", login).isFalse();
        assertThat(login.jitErrorCode()).as("%s", login).isEqualTo(code);
        assertThat(login.lastStatus()).as("%s", login).isEqualTo("TRY_AGAIN".equals(code) ? 409 : 403);
    }
}
