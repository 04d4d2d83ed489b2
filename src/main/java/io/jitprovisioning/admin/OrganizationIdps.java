package io.jitprovisioning.admin;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.broker.saml.SAMLIdentityProviderFactory;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jitprovisioning.KeycloakClock;
import io.jitprovisioning.config.JitMappers;
import io.jitprovisioning.config.RequestField;
import io.jitprovisioning.delegation.Delegations;
import io.jitprovisioning.delegation.OrganizationLimits;
import io.jitprovisioning.preview.AccountViews;
import io.jitprovisioning.preview.JitPreview;
import io.jitprovisioning.preview.PreviewReport;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/**
 * {@code .../organizations/{id}/identity-providers} and the setup link's same routes: one organization's SAML identity
 * providers, set up within its limits. The body is the realm-level setup's, restricted (no alias, entity id or
 * allowlists; unknown fields are {@code UNKNOWN_FIELD}); a new identity provider is linked to the organization, signs
 * with validation on, has the JIT flow and mapper, and is off until {@code enabled: true}. An identity provider of
 * another organization, or of none, is 404, as one that does not exist. Every refusal writes nothing.
 */
public final class OrganizationIdps {

    static final String DEFAULT_SUFFIX = "saml";
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel organization;
    private final OrganizationAudit audit;
    private final Clock clock = KeycloakClock.get();

    OrganizationIdps(KeycloakSession session, RealmModel realm, OrganizationModel organization, OrganizationActor actor) {
        this.session = session;
        this.realm = realm;
        this.organization = organization;
        this.audit = new OrganizationAudit(session, realm, organization, actor);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<IdpSummary> list() {
        return organizations().getIdentityProviders(organization)
                .filter(idp -> SAMLIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId()))
                .map(this::summary).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) throws IOException {
        try {
            ObjectNode json = IdpSetupRequest.object(AdminAnswers.text(body), "a JSON object with at least metadata");
            String alias = organization.getAlias() + "-" + suffix(json.remove(RequestField.ALIAS_SUFFIX.name()));
            IdpSetupRequest request = IdpSetupRequest.fromJson(json, new RealmSettingsCatalog(session, realm),
                    IdpSetupRequest.ORGANIZATION_FIELDS).withAlias(alias);
            if (request.enabled() == null) {
                request = request.off();
            }
            OrganizationLimits limits = Delegations.of(session, realm.getId()).limits(organization.getId());
            if (organizations().getIdentityProviders(organization).count() >= limits.maxIdentityProviders()) {
                throw SetupRejected.badRequest(ProblemCode.TOO_MANY_IDENTITY_PROVIDERS, "This organization may have "
                        + limits.maxIdentityProviders() + " identity provider(s), and has as many. Remove one, or ask the "
                        + "realm administrator to raise the limit.");
            }
            IdpSetup.Outcome outcome = setup(limits).create(request);
            organizations().addIdentityProvider(organization, outcome.idp());
            audit.record(OperationType.CREATE, ResourceType.IDENTITY_PROVIDER, "identity-providers/" + alias, alias, OrganizationAudit.fieldsSent(json));
            return Response.status(201).entity(body(outcome)).type(MediaType.APPLICATION_JSON).build();
        } catch (SetupRejected rejected) {
            return AdminAnswers.rejection(rejected);
        }
    }

    @GET
    @Path("{alias}")
    @Produces(MediaType.APPLICATION_JSON)
    public IdpSummary get(@PathParam("alias") String alias) {
        return summary(own(alias));
    }

    @PUT
    @Path("{alias}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("alias") String alias, InputStream body) throws IOException {
        IdentityProviderModel idp = own(alias);
        try {
            ObjectNode json = IdpSetupRequest.object(AdminAnswers.text(body), "a JSON object with the fields to change");
            IdpSetupRequest request = IdpSetupRequest.fromJson(json, new RealmSettingsCatalog(session, realm),
                    IdpSetupRequest.ORGANIZATION_FIELDS);
            IdpSetup.Outcome outcome = setup(Delegations.of(session, realm.getId()).limits(organization.getId())).update(idp, request);
            audit.record(OperationType.UPDATE, ResourceType.IDENTITY_PROVIDER, "identity-providers/" + alias, alias, OrganizationAudit.fieldsSent(json));
            return Response.ok(body(outcome)).type(MediaType.APPLICATION_JSON).build();
        } catch (SetupRejected rejected) {
            return AdminAnswers.rejection(rejected);
        }
    }

    @DELETE
    @Path("{alias}")
    public Response delete(@PathParam("alias") String alias) {
        own(alias);
        session.identityProviders().remove(alias);
        audit.record(OperationType.DELETE, ResourceType.IDENTITY_PROVIDER, "identity-providers/" + alias, alias, Map.of());
        return Response.noContent().build();
    }

    /** What a sign-in would do, answered without anything that depends on the realm's accounts. */
    @Path("{alias}/preview")
    public PreviewResource preview(@PathParam("alias") String alias) {
        IdentityProviderModel idp = own(alias);
        return new PreviewResource(idp, input -> {
            PreviewReport report = new JitPreview(session, realm, idp, AccountViews.none()).run(input);
            audit.record(OperationType.ACTION, ResourceType.IDENTITY_PROVIDER, "identity-providers/" + alias + "/" + PreviewEvents.PATH,
                    alias, PreviewEvents.summary(report));
            return report;
        });
    }

    /** The organization's own identity provider with this alias; 404 for any other, as for none. */
    private IdentityProviderModel own(String alias) {
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        if (idp == null || !organization.getId().equals(idp.getOrganizationId())
                || !SAMLIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId())) {
            throw new NotFoundException();
        }
        return idp;
    }

    private IdpSetup setup(OrganizationLimits limits) {
        OfferedScope scope = new OfferedScope(session, realm, organization, limits);
        return new IdpSetup(session, realm, clock, settings -> {
            List<Problem> outside = scope.outside(settings);
            if (!outside.isEmpty()) {
                throw new SetupRejected(400, outside, List.of());
            }
            return scope.within(settings);
        });
    }

    private static String suffix(JsonNode sent) throws SetupRejected {
        if (sent == null) {
            return DEFAULT_SUFFIX;
        }
        if (!sent.isTextual() || !SUFFIX.matcher(sent.textValue()).matches()) {
            throw SetupRejected.badRequest(ProblemCode.INVALID_ALIAS, "aliasSuffix: 1 to 40 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit. The identity provider is named <organization alias>-<suffix>.");
        }
        return sent.textValue();
    }

    private IdpSummary summary(IdentityProviderModel idp) {
        return IdpSummary.of(session, realm, idp, JitMappers.find(session, idp.getAlias()).orElse(null), clock);
    }

    private Map<String, Object> body(IdpSetup.Outcome outcome) {
        return Map.of("identityProvider", summary(outcome.idp()), "warnings", outcome.warnings());
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }
}
