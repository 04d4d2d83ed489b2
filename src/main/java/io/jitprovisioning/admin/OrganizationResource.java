package io.jitprovisioning.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
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
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

import io.jitprovisioning.delegation.Delegations;
import io.jitprovisioning.delegation.OrganizationLimits;
import io.jitprovisioning.problem.ProblemCode;

/**
 * {@code /admin/realms/{realm}/jit-provisioning/organizations/{orgId}}: the realm administrator's limits and SSO
 * administrators of one organization, and the organization's identity providers and setup links for whoever may act
 * on its SSO ({@link OrganizationAccess}).
 */
public final class OrganizationResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationAccess access;
    private final String organizationId;

    OrganizationResource(KeycloakSession session, RealmModel realm, OrganizationAccess access, String organizationId) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.organizationId = organizationId;
    }

    @GET
    @Path("limits")
    @Produces(MediaType.APPLICATION_JSON)
    public OrganizationLimits limits() {
        OrganizationModel organization = access.organizationForRealmAdmin(organizationId);
        return delegations().limits(organization.getId());
    }

    @PUT
    @Path("limits")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response setLimits(InputStream body) throws IOException {
        OrganizationModel organization = access.organizationForRealmAdmin(organizationId);
        try {
            OrganizationLimits limits = LimitsRequest.read(AdminAnswers.text(body), new RealmSettingsCatalog(session, realm));
            delegations().setOwnLimits(organization.getId(), limits);
            LimitsFollowers.apply(session, realm, organization, limits);
            audit(organization).record(OperationType.UPDATE, ResourceType.ORGANIZATION, "limits", null, Map.of("limits", limits));
            return Response.ok(limits).type(MediaType.APPLICATION_JSON).build();
        } catch (SetupRejected rejected) {
            return AdminAnswers.rejection(rejected);
        }
    }

    @GET
    @Path("administrators")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, String>> administrators() {
        OrganizationModel organization = access.organizationForRealmAdmin(organizationId);
        return delegations().administrators(organization.getId()).stream()
                .map(id -> session.users().getUserById(realm, id)).filter(user -> user != null)
                .map(user -> Map.of("id", user.getId(), "username", user.getUsername())).toList();
    }

    @PUT
    @Path("administrators/{userId}")
    public Response designate(@PathParam("userId") String userId) {
        OrganizationModel organization = access.organizationForRealmAdmin(organizationId);
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null || !session.getProvider(OrganizationProvider.class).isMember(organization, user)) {
            return AdminAnswers.problem(400, ProblemCode.NOT_A_MEMBER, "Only a member of the organization can be its SSO "
                    + "administrator: add the user to the organization first.");
        }
        if (delegations().designate(organization.getId(), user.getId())) {
            audit(organization).record(OperationType.CREATE, ResourceType.ORGANIZATION, "administrators/" + user.getId(), null,
                    Map.of("administrator", user.getId()));
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("administrators/{userId}")
    public Response undesignate(@PathParam("userId") String userId) {
        OrganizationModel organization = access.organizationForRealmAdmin(organizationId);
        if (!delegations().undesignate(organization.getId(), userId)) {
            throw new NotFoundException();
        }
        audit(organization).record(OperationType.DELETE, ResourceType.ORGANIZATION, "administrators/" + userId, null,
                Map.of("administrator", userId));
        return Response.noContent().build();
    }

    @Path("identity-providers")
    public OrganizationIdps identityProviders() {
        return new OrganizationIdps(session, realm, access.organization(organizationId), access.actor());
    }

    @Path("setup-links")
    public SetupLinks setupLinks() {
        OrganizationModel organization = access.organization(organizationId);
        return new SetupLinks(session, realm, organization, audit(organization));
    }

    private OrganizationAudit audit(OrganizationModel organization) {
        return new OrganizationAudit(session, realm, organization, access.actor());
    }

    private Delegations delegations() {
        return Delegations.of(session, realm.getId());
    }
}
