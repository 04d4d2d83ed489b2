package io.jitprovisioning.admin;

import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import io.jitprovisioning.delegation.Delegations;
import io.jitprovisioning.delegation.OrganizationLimits;

/**
 * {@code /admin/realms/{realm}/jit-provisioning/organization-defaults}: the limits of every organization that has none
 * of its own. Without them, an organization may offer the default role {@code Agent} alone, and have 3 identity providers.
 */
public final class OrganizationDefaults {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminEventBuilder adminEvent;

    OrganizationDefaults(KeycloakSession session, RealmModel realm, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.adminEvent = adminEvent;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public OrganizationLimits get() {
        return Delegations.of(session, realm.getId()).defaults().orElseGet(OrganizationLimits::nothingSet);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response set(InputStream body) throws IOException {
        try {
            OrganizationLimits defaults = LimitsRequest.read(AdminAnswers.text(body), new RealmSettingsCatalog(session, realm));
            Delegations.of(session, realm.getId()).setDefaults(defaults);
            LimitsFollowers.applyDefaults(session, realm, defaults);
            adminEvent.clone(session).operation(OperationType.UPDATE).resource(ResourceType.REALM)
                    .resourcePath("jit-provisioning", "organization-defaults").representation(defaults).success();
            return Response.ok(defaults).type(MediaType.APPLICATION_JSON).build();
        } catch (SetupRejected rejected) {
            return AdminAnswers.rejection(rejected);
        }
    }
}
