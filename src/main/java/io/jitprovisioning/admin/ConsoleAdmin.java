package io.jitprovisioning.admin;

import java.util.Optional;

import jakarta.ws.rs.NotAuthorizedException;

import org.keycloak.Token;
import org.keycloak.common.util.Encode;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;
import org.keycloak.services.resources.admin.fgap.UserPermissionEvaluator;

/**
 * The administrator behind a save on the console's setup page. Keycloak stores the page as a component, which only
 * needs "manage realm"; the setup it performs needs what the REST API needs, "manage identity providers", and is
 * recorded with the same admin events. The bearer token is the one Keycloak verified for this admin request.
 */
final class ConsoleAdmin {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAuth auth;

    private ConsoleAdmin(KeycloakSession session, RealmModel realm, AdminAuth auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /**
     * The administrator of the current admin request; empty when there is none: Keycloak validating the page's
     * component while it imports a realm (at start, or a realm file), where no administrator is involved.
     */
    static Optional<ConsoleAdmin> of(KeycloakSession session, RealmModel realm) {
        Token bearer = session.getContext().getBearerToken();
        if (bearer == null) {
            return Optional.empty();
        }
        if (!(bearer instanceof AccessToken token) || token.getIssuer() == null) {
            throw new NotAuthorizedException("Bearer");
        }
        String issuer = token.getIssuer();
        RealmModel adminRealm = session.realms().getRealmByName(Encode.decodePath(issuer.substring(issuer.lastIndexOf('/') + 1)));
        UserModel admin = adminRealm == null ? null : administrator(session, adminRealm, token);
        if (admin == null) {
            throw new NotAuthorizedException("Bearer");
        }
        ClientModel client = adminRealm.getClientByClientId(token.getIssuedFor());
        return Optional.of(new ConsoleAdmin(session, realm, new AdminAuth(adminRealm, token, admin, client)));
    }

    /**
     * The token's user. A lightweight access token (admin-cli's in Keycloak 26.7.3) names no subject: the user
     * is then the one of the user session it was issued in, as Keycloak's own bearer-token check finds it.
     */
    private static UserModel administrator(KeycloakSession session, RealmModel adminRealm, AccessToken token) {
        if (token.getSubject() != null) {
            return session.users().getUserById(adminRealm, token.getSubject());
        }
        UserSessionModel userSession = token.getSessionId() == null ? null
                : session.sessions().getUserSession(adminRealm, token.getSessionId());
        return userSession == null ? null : userSession.getUser();
    }

    /** @throws jakarta.ws.rs.ForbiddenException when the administrator may not manage identity providers */
    ConsoleAdmin requireManageIdentityProviders() {
        permissions().realm().requireManageIdentityProviders();
        return this;
    }

    /** @throws jakarta.ws.rs.ForbiddenException when the administrator may not even view identity providers */
    ConsoleAdmin requireViewIdentityProviders() {
        permissions().realm().requireViewIdentityProviders();
        return this;
    }

    /** What the administrator may see of users, as the REST API's preview asks it. */
    UserPermissionEvaluator users() {
        return permissions().users();
    }

    AdminEventBuilder adminEvent() {
        return new AdminEventBuilder(realm, auth, session, session.getContext().getConnection());
    }

    private AdminPermissionEvaluator permissions() {
        return AdminPermissions.evaluator(session, realm, auth);
    }
}
