package io.jitprovisioning.login;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The link Keycloak adds when a first sign-in finishes. The JIT step decides which account an identity gets, but
 * Keycloak adds the identity-provider link in a later request ({@code /broker/after-first-broker-login}) that re-checks
 * nothing, and whose URL stays valid for the realm's login timeout: a browser can stop before it and come back after
 * other sign-ins changed the account. So the JIT step notes the account's links as it saw them, and the link is let
 * stand only if, once Keycloak has added it, the account holds exactly those links and this identity's. Otherwise an
 * account could end up with two identities of different people.
 */
public final class FirstLink {

    static final String ACCOUNT = "jit.link.account";
    static final String LINKS_SEEN = "jit.link.seen";
    static final String IDP_ALIAS = "jit.link.idp";
    static final String BROKER_USER_ID = "jit.link.identity";

    /**
     * What the check found.
     *
     * @param asDecided    the account holds the links the JIT step saw, and this identity's
     * @param idpAlias     the identity provider of the sign-in
     * @param brokerUserId the identity linked
     */
    public record Check(boolean asDecided, String idpAlias, String brokerUserId) {
    }

    private FirstLink() {
    }

    /** Notes, in the authentication session, the account the JIT step hands to this identity and its links now. */
    public static void expect(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession, UserModel user,
                              String idpAlias, String brokerUserId) {
        authSession.setAuthNote(ACCOUNT, user.getId());
        authSession.setAuthNote(LINKS_SEEN, encode(session.users().getFederatedIdentitiesStream(realm, user)));
        authSession.setAuthNote(IDP_ALIAS, idpAlias);
        authSession.setAuthNote(BROKER_USER_ID, brokerUserId);
    }

    /** Forgets what {@link #expect} noted: the sign-in was refused, or the link was checked. */
    public static void forget(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(ACCOUNT);
        authSession.removeAuthNote(LINKS_SEEN);
        authSession.removeAuthNote(IDP_ALIAS);
        authSession.removeAuthNote(BROKER_USER_ID);
    }

    /**
     * Whether the link Keycloak just added to {@code user} is the one the JIT step decided; empty when the JIT step
     * decided nothing in this authentication session (another flow linked the account).
     */
    public static Optional<Check> check(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                                        UserModel user) {
        String account = authSession.getAuthNote(ACCOUNT);
        String idpAlias = authSession.getAuthNote(IDP_ALIAS);
        String brokerUserId = authSession.getAuthNote(BROKER_USER_ID);
        if (account == null || idpAlias == null || brokerUserId == null) {
            return Optional.empty();
        }
        String seen = authSession.getAuthNote(LINKS_SEEN);
        TreeSet<String> expected = new TreeSet<>(seen == null || seen.isEmpty() ? Set.of() : Set.of(seen.split("&")));
        expected.add(pair(idpAlias, brokerUserId));
        boolean asDecided = account.equals(user.getId())
                && expected.equals(pairs(session.users().getFederatedIdentitiesStream(realm, user)));
        return Optional.of(new Check(asDecided, idpAlias, brokerUserId));
    }

    private static String encode(Stream<FederatedIdentityModel> links) {
        return String.join("&", pairs(links));
    }

    private static TreeSet<String> pairs(Stream<FederatedIdentityModel> links) {
        return links.map(link -> pair(link.getIdentityProvider(), link.getUserId())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String pair(String idpAlias, String brokerUserId) {
        return URLEncoder.encode(idpAlias, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(brokerUserId, StandardCharsets.UTF_8);
    }
}
