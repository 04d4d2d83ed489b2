package io.jitprovisioning.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.groups.RefusedGroup;
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
    public static final String GROUPS_JOINED = "jit_groups_joined";
    public static final String GROUPS_LEFT = "jit_groups_left";
    public static final String GROUPS_REFUSED = "jit_groups_refused";

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
        detail(event, ROLES_GRANTED, entries(changes.granted()));
        detail(event, ROLES_REVOKED, entries(changes.revoked()));
        detail(event, ROLES_REFUSED, changes.refusedRoles());
        detail(event, PROFILE_UPDATED, entries(changes.profileUpdated()));
        detail(event, PROFILE_REJECTED, entries(changes.profileRejected()));
        detail(event, GROUPS_JOINED, entries(changes.groupsJoined()));
        detail(event, GROUPS_LEFT, entries(changes.groupsLeft()));
        detail(event, GROUPS_REFUSED, changes.refusedGroups());
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

    /** How a refused IdP value appears in {@code jit_roles_refused}: {@code value(reason)}, the value as an {@link #entry}. */
    static String format(RefusedRole refused) {
        return entry(refused.value()) + "(" + refused.reason().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** How a refused IdP value appears in {@code jit_groups_refused}: {@code value(reason)}, the value as an {@link #entry}. */
    static String format(RefusedGroup refused) {
        return entry(refused.value()) + "(" + refused.reason().name().toLowerCase(Locale.ROOT) + ")";
    }

    /**
     * A name or value as one entry of a list detail. Role names, group paths and IdP values may hold the list's own
     * syntax ({@code x(unknown),realm-admin(granted)} would read as two entries): {@code %}, {@code ,}, {@code (},
     * {@code )}, control, format (bidi, zero-width) and line-separator characters become {@code %XX} of their UTF-8
     * bytes, as in a URL, so that an entry decodes back to exactly the value and nothing can forge an entry or a reason.
     */
    static String entry(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        value.codePoints().forEach(codePoint -> {
            if (isSyntaxOrInvisible(codePoint)) {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            } else {
                encoded.appendCodePoint(codePoint);
            }
        });
        return encoded.toString();
    }

    private static boolean isSyntaxOrInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint == '%' || codePoint == ',' || codePoint == '(' || codePoint == ')' || Character.isISOControl(codePoint)
                || type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static List<String> entries(List<String> names) {
        return names.stream().map(JitEvents::entry).toList();
    }

    /** Entries (already encoded) joined by {@code ,}; past {@link #MAX_LISTED}, their count as {@code ...(+n)}. */
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
