package io.jitprovisioning.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.events.admin.OperationType;
import org.keycloak.http.FormPartValue;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import io.jitprovisioning.KeycloakClock;
import io.jitprovisioning.config.JitMappers;
import io.jitprovisioning.config.RealmCatalog;
import io.jitprovisioning.metadata.MetadataReport;
import io.jitprovisioning.metadata.MetadataValidator;
import io.jitprovisioning.problem.ProblemCode;
import io.jitprovisioning.provenance.jpa.JpaProvenanceStore;

/**
 * {@code /admin/realms/{realm}/jit-provisioning}: metadata validation and one-step identity provider setup, under
 * Keycloak's own permission to manage identity providers, with admin events for everything written; the preview of
 * a sign-in with view identity providers.
 */
public final class JitAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final Clock clock = KeycloakClock.get();

    JitAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Path("metadata/validate")
    @Consumes({"application/xml", "text/xml", "application/samlmetadata+xml", "application/octet-stream"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response validate(InputStream body, @QueryParam("entityId") String entityId) throws IOException {
        auth.realm().requireManageIdentityProviders();
        return validation(MetadataUpload.read(body), entityId);
    }

    @POST
    @Path("metadata/validate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response validateUpload(@QueryParam("entityId") String entityId) throws IOException {
        auth.realm().requireManageIdentityProviders();
        MultivaluedMap<String, FormPartValue> parts = session.getContext().getHttpRequest().getMultiPartFormParameters();
        FormPartValue file = parts.getFirst("file");
        if (file == null) {
            return AdminAnswers.problem(400, ProblemCode.MISSING_FILE, "Upload the metadata as the form field 'file'.");
        }
        FormPartValue chosen = parts.getFirst("entityId");
        try (InputStream in = file.asInputStream()) {
            return validation(MetadataUpload.read(in), chosen != null ? chosen.asString() : entityId);
        }
    }

    @POST
    @Path("identity-providers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) throws IOException {
        auth.realm().requireManageIdentityProviders();
        try {
            IdpSetupRequest request = IdpSetupRequest.fromJson(AdminAnswers.text(body), "a JSON object with at least alias and metadata", catalog());
            IdpSetup.Outcome outcome = new IdpSetup(session, realm, clock).create(request);
            SetupEvents.record(session, realm, adminEvent, outcome, OperationType.CREATE);
            URI location = session.getContext().getUri().getAbsolutePathBuilder().path(outcome.idp().getAlias()).build();
            return Response.created(location).entity(body(outcome)).build();
        } catch (SetupRejected rejected) {
            return AdminAnswers.rejection(rejected);
        }
    }

    @GET
    @Path("identity-providers/{alias}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("alias") String alias) {
        auth.realm().requireViewIdentityProviders();
        IdentityProviderModel idp = existing(alias);
        try {
            IdpSetup.requireSaml(idp);
        } catch (SetupRejected rejected) {
            return AdminAnswers.rejection(rejected);
        }
        return Response.ok(IdpSummary.of(session, realm, idp, JitMappers.find(session, alias).orElse(null), clock))
                .type(MediaType.APPLICATION_JSON).build();
    }

    @PUT
    @Path("identity-providers/{alias}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("alias") String alias, InputStream body) throws IOException {
        auth.realm().requireManageIdentityProviders();
        IdentityProviderModel idp = existing(alias);
        try {
            IdpSetupRequest request = IdpSetupRequest.fromJson(AdminAnswers.text(body), "a JSON object with the fields to change", catalog());
            IdpSetup.Outcome outcome = new IdpSetup(session, realm, clock).update(idp, request);
            SetupEvents.record(session, realm, adminEvent, outcome, OperationType.UPDATE);
            return Response.ok(body(outcome)).build();
        } catch (SetupRejected rejected) {
            return AdminAnswers.rejection(rejected);
        }
    }

    /** What a sign-in with a response or attributes would do ({@link PreviewResource}); needs view identity providers. */
    @Path("identity-providers/{alias}/preview")
    public PreviewResource preview(@PathParam("alias") String alias) {
        auth.realm().requireViewIdentityProviders();
        return PreviewResource.forRealmAdmin(session, realm, auth, adminEvent, existing(alias));
    }

    /** One organization's limits, SSO administrators, identity providers and setup links ({@link OrganizationResource}). */
    @Path("organizations/{orgId}")
    public OrganizationResource organization(@PathParam("orgId") String organizationId) {
        return new OrganizationResource(session, realm, new OrganizationAccess(session, realm, auth), organizationId);
    }

    /** The limits of organizations without their own ({@link OrganizationDefaults}); realm administrator only. */
    @Path("organization-defaults")
    public OrganizationDefaults organizationDefaults() {
        new OrganizationAccess(session, realm, auth).requireRealmAdmin();
        return new OrganizationDefaults(session, realm, adminEvent);
    }

    @GET
    @Path("users/{id}/provenance")
    @Produces(MediaType.APPLICATION_JSON)
    public AccountProvenance provenance(@PathParam("id") String id) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            auth.users().requireQuery();
            throw new NotFoundException("No user with id " + id);
        }
        auth.users().requireView(user);
        return AccountProvenance.of(session, realm, user, JpaProvenanceStore.of(session));
    }

    private Response validation(byte[] metadata, String entityId) {
        MetadataReport report = new MetadataValidator(clock).validate(metadata, entityId);
        return Response.status(report.valid() ? 200 : 400).entity(ValidationResponse.of(report)).type(MediaType.APPLICATION_JSON).build();
    }

    private RealmCatalog catalog() {
        return new RealmSettingsCatalog(session, realm);
    }

    private IdentityProviderModel existing(String alias) {
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        if (idp == null) {
            throw new NotFoundException("No identity provider with alias " + alias);
        }
        return idp;
    }

    private Map<String, Object> body(IdpSetup.Outcome outcome) {
        IdpSummary summary = IdpSummary.of(session, realm, outcome.idp(), outcome.mapper(), clock);
        return Map.of("identityProvider", summary, "warnings", outcome.warnings());
    }
}
