package io.jitprovisioning.admin;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jitprovisioning.config.RequestField;

/**
 * The admin events of the organization routes: one per change, and one per use of a setup link, each under the path
 * {@code organizations/<organization id>/...}, so that Keycloak's admin events API lists an organization's with
 * {@code resourcePath=organizations/<id>/*}. Each names the organization, the identity provider when there is one,
 * and the actor (a user id, or {@code setup-link:<id>}), in its details and its representation, with what changed:
 * never a metadata body or a secret. Sent as Keycloak's AdminEventBuilder sends them (its store, when the realm saves
 * admin events, and the event listeners), which cannot name a setup link as the actor.
 */
final class OrganizationAudit {

    private static final Logger LOG = Logger.getLogger(OrganizationAudit.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel organization;
    private final OrganizationActor actor;

    OrganizationAudit(KeycloakSession session, RealmModel realm, OrganizationModel organization, OrganizationActor actor) {
        this.session = session;
        this.realm = realm;
        this.organization = organization;
        this.actor = actor;
    }

    String actorId() {
        return actor.id();
    }

    /**
     * @param path    below {@code organizations/<id>/}, e.g. {@code identity-providers/acme-saml}
     * @param idpAlias the identity provider concerned, or null
     * @param changes what changed (field names to new values, never metadata or secrets)
     */
    void record(OperationType operation, ResourceType type, String path, String idpAlias, Map<String, ?> changes) {
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("organization", organization.getAlias());
        representation.put("organizationId", organization.getId());
        if (idpAlias != null) {
            representation.put("identityProvider", idpAlias);
        }
        representation.put("actor", actor.id());
        representation.put("changes", changes);

        AdminEvent event = new AdminEvent();
        event.setId(UUID.randomUUID().toString());
        event.setTime(Time.currentTimeMillis());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        event.setOperationType(operation);
        event.setResourceType(type);
        event.setResourcePath("organizations/" + organization.getId() + "/" + path);
        event.setRepresentation(json(representation));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("organization", organization.getAlias());
        if (idpAlias != null) {
            details.put("identityProvider", idpAlias);
        }
        details.put("actor", actor.id());
        event.setDetails(details);
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        auth.setUserId(actor.id());
        auth.setClientId(actor.client() == null ? null : actor.client().getId());
        auth.setIpAddress(session.getContext().getConnection().getRemoteAddr());
        event.setAuthDetails(auth);
        send(event);
    }

    /** What a change names in its admin event: the fields sent, with their values, but never the metadata. */
    static Map<String, Object> fieldsSent(ObjectNode json) {
        Map<String, Object> changes = new LinkedHashMap<>();
        json.fields().forEachRemaining(field -> changes.put(field.getKey(),
                field.getKey().equals(RequestField.METADATA.name()) ? "(new metadata)" : field.getValue()));
        return changes;
    }

    private void send(AdminEvent event) {
        boolean withRepresentation = realm.isAdminEventsDetailsEnabled();
        if (realm.isAdminEventsEnabled()) {
            EventStoreProvider store = session.getProvider(EventStoreProvider.class);
            if (store != null) {
                store.onEvent(event, withRepresentation);
            }
        }
        Set<String> enabled = realm.getEventsListenersStream().collect(Collectors.toSet());
        session.getKeycloakSessionFactory().getProviderFactoriesStream(EventListenerProvider.class)
                .map(EventListenerProviderFactory.class::cast)
                .filter(factory -> factory.isGlobal() || enabled.contains(factory.getId()))
                .forEach(factory -> {
                    try {
                        session.getProvider(EventListenerProvider.class, factory.getId()).onEvent(event, withRepresentation);
                    } catch (RuntimeException failed) {
                        LOG.warnf("Event listener %s failed on an organization admin event: %s", factory.getId(), failed.getClass().getName());
                    }
                });
    }

    private static String json(Object value) {
        try {
            return JsonSerialization.writeValueAsString(value);
        } catch (IOException impossible) {
            throw new IllegalStateException("A map of strings is always JSON", impossible);
        }
    }
}
