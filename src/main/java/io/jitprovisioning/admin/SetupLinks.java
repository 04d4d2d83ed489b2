package io.jitprovisioning.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jitprovisioning.KeycloakClock;
import io.jitprovisioning.delegation.Delegations;
import io.jitprovisioning.delegation.SetupLink;
import io.jitprovisioning.delegation.SetupLinkSecrets;
import io.jitprovisioning.problem.ProblemCode;

/**
 * {@code .../organizations/{orgId}/setup-links}: links that give their holder the organization's SSO administration
 * until they expire (default 72 hours, at most 30 days) or are revoked. The secret is in the URL the creation answers
 * with, and nowhere else: stored as a hash, never listed, never logged.
 */
public final class SetupLinks {

    static final int DEFAULT_HOURS = 72;
    static final int MAX_HOURS = 30 * 24;
    private static final String EXPIRES_IN_HOURS = "expiresInHours";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel organization;
    private final OrganizationAudit audit;
    private final Clock clock = KeycloakClock.get();

    SetupLinks(KeycloakSession session, RealmModel realm, OrganizationModel organization, OrganizationAudit audit) {
        this.session = session;
        this.realm = realm;
        this.organization = organization;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> list() {
        long now = clock.millis();
        return delegations().links(organization.getId()).stream().map(link -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("id", link.id());
            shown.put("createdAt", Instant.ofEpochMilli(link.createdAt()).toString());
            shown.put("createdBy", link.createdBy());
            shown.put("expiresAt", Instant.ofEpochMilli(link.expiresAt()).toString());
            shown.put("status", link.status(now).name().toLowerCase(Locale.ROOT));
            return shown;
        }).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) throws IOException {
        int hours;
        try {
            hours = hours(AdminAnswers.text(body));
        } catch (SetupRejected rejected) {
            return AdminAnswers.rejection(rejected);
        }
        String secret = new SetupLinkSecrets().newSecret();
        long now = clock.millis();
        SetupLink link = delegations().createLink(organization.getId(), SetupLinkSecrets.hashOf(secret).orElseThrow(), now,
                now + Duration.ofHours(hours).toMillis(), audit.actorId());
        String expiresAt = Instant.ofEpochMilli(link.expiresAt()).toString();
        audit.record(OperationType.CREATE, ResourceType.ORGANIZATION, "setup-links/" + link.id(), null,
                Map.of("setupLink", link.id(), "expiresAt", expiresAt));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("id", link.id());
        created.put("url", url(secret).toString());
        created.put("expiresAt", expiresAt);
        return Response.status(201).entity(created).type(MediaType.APPLICATION_JSON).build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        if (!delegations().revoke(organization.getId(), id, clock.millis())) {
            throw new NotFoundException();
        }
        audit.record(OperationType.DELETE, ResourceType.ORGANIZATION, "setup-links/" + id, null, Map.of("setupLink", id));
        return Response.noContent().build();
    }

    /** Where the link's holder goes: the setup's own routes under the realm, with the secret as the credential. */
    private URI url(String secret) {
        return session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName())
                .path(SetupLinkHolder.ROOT).path("setup").path(secret).build();
    }

    private static int hours(String body) throws SetupRejected {
        if (body.isBlank()) {
            return DEFAULT_HOURS;
        }
        ObjectNode json = IdpSetupRequest.object(body, "a JSON object, {\"" + EXPIRES_IN_HOURS + "\": 72}, or nothing");
        List<String> unknown = new ArrayList<>();
        json.fieldNames().forEachRemaining(field -> {
            if (!field.equals(EXPIRES_IN_HOURS)) {
                unknown.add(field);
            }
        });
        if (!unknown.isEmpty()) {
            throw SetupRejected.badRequest(ProblemCode.UNKNOWN_FIELD, "Unknown field '" + unknown.get(0) + "'. The only field is "
                    + EXPIRES_IN_HOURS + ".");
        }
        JsonNode value = json.get(EXPIRES_IN_HOURS);
        if (value == null) {
            return DEFAULT_HOURS;
        }
        if (!value.isInt() || value.intValue() < 1 || value.intValue() > MAX_HOURS) {
            throw SetupRejected.badRequest(ProblemCode.INVALID_EXPIRY, EXPIRES_IN_HOURS + " must be a whole number of hours from 1 to "
                    + MAX_HOURS + " (30 days).");
        }
        return value.intValue();
    }

    private Delegations delegations() {
        return Delegations.of(session, realm.getId());
    }
}
