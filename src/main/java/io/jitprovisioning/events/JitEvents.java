package io.jitprovisioning.events;

import java.util.List;
import java.util.Locale;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.RefusedRole;

/**
 * The extension's audit trail in Keycloak's own events. Details never hold profile values, only field names,
 * role names and codes.
 */
public final class JitEvents {

    public static final String ERROR = "jit_error";
    public static final String ACCOUNT = "jit_account";
    public static final String ROLES_GRANTED = "jit_roles_granted";
    public static final String ROLES_REVOKED = "jit_roles_revoked";
    public static final String ROLES_REFUSED = "jit_roles_refused";
    public static final String PROFILE_UPDATED = "jit_profile_updated";
    public static final String PROFILE_REJECTED = "jit_profile_rejected";
    public static final String ORGANIZATION = "jit_organization";

    /** Event details are stored and shown whole: keep them short whatever the IdP sends. */
    static final int MAX_LISTED = 20;

    private JitEvents() {
    }

    /** An event builder for the current request, with its client when it has one. */
    public static EventBuilder builder(KeycloakSession session, RealmModel realm, EventType type) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(type);
        if (session.getContext().getClient() != null) {
            event.client(session.getContext().getClient());
        }
        return event;
    }

    public static void addDetails(EventBuilder event, Changes changes) {
        detail(event, ROLES_GRANTED, changes.granted());
        detail(event, ROLES_REVOKED, changes.revoked());
        detail(event, ROLES_REFUSED, changes.refusedRoles());
        detail(event, PROFILE_UPDATED, changes.profileUpdated());
        detail(event, PROFILE_REJECTED, changes.profileRejected());
    }

    /**
     * One {@code IDENTITY_PROVIDER_LOGIN} event for a login in which the extension changed the account or turned
     * something down. Keycloak itself sends this type only for errors, so these events are easy to find.
     */
    public static void changed(KeycloakSession session, RealmModel realm, UserModel user, String idpAlias, Changes changes) {
        if (!changes.isWorthAnEvent()) {
            return;
        }
        EventBuilder event = builder(session, realm, EventType.IDENTITY_PROVIDER_LOGIN)
                .user(user)
                .detail(Details.USERNAME, user.getUsername())
                .detail(Details.IDENTITY_PROVIDER, idpAlias);
        addDetails(event, changes);
        event.success();
    }

    /** Marks a refusal on an event builder, with the role values behind a role refusal, and sends it. */
    public static void refused(EventBuilder event, String idpAlias, JitError code, List<RefusedRole> refusedRoles) {
        if (code == JitError.UNKNOWN_ROLE || code == JitError.ROLE_NOT_ALLOWED) {
            detail(event, ROLES_REFUSED, refusedRoles.stream().map(JitEvents::format).toList());
        }
        event.detail(Details.IDENTITY_PROVIDER, idpAlias)
                .detail(ERROR, code.name())
                .error(code.eventError());
    }

    /** How a refused IdP value appears in {@code jit_roles_refused}: {@code value(reason)}. */
    static String format(RefusedRole refused) {
        return refused.value() + "(" + refused.reason().name().toLowerCase(Locale.ROOT) + ")";
    }

    static void detail(EventBuilder event, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        String listed = String.join(",", values.subList(0, Math.min(values.size(), MAX_LISTED)));
        if (values.size() > MAX_LISTED) {
            listed += ",...(+" + (values.size() - MAX_LISTED) + ")";
        }
        event.detail(key, listed);
    }
}
