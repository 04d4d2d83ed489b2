package io.jitprovisioning.admin;

import java.util.Map;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.KeycloakClock;
import io.jitprovisioning.delegation.Delegations;
import io.jitprovisioning.delegation.SetupLink;
import io.jitprovisioning.delegation.SetupLinkSecrets;
import io.jitprovisioning.problem.ProblemCode;

/**
 * {@code /realms/{realm}/jit-provisioning/setup/{secret}/identity-providers}: the organization's identity provider
 * routes for the holder of a setup link, the secret being the credential (no token). A secret that is no link's is 404;
 * an expired or revoked link's is 410, which names neither the organization nor anything of it. Every use is an admin
 * event under the link's id.
 */
public final class SetupLinkHolder {

    /** The path under {@code /realms/{realm}/}: the realm resource provider's id. */
    static final String ROOT = "jit-provisioning";

    private final KeycloakSession session;
    private final RealmModel realm;

    SetupLinkHolder(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @Path("setup/{secret}/identity-providers")
    public OrganizationIdps identityProviders(@PathParam("secret") String secret) {
        SetupLink link = SetupLinkSecrets.hashOf(secret).flatMap(hash -> Delegations.of(session, realm.getId()).linkByHash(hash))
                .orElseThrow(NotFoundException::new);
        switch (link.status(KeycloakClock.get().millis())) {
            case EXPIRED -> throw gone(ProblemCode.LINK_EXPIRED, "This setup link has expired. Ask for a new one.");
            case REVOKED -> throw gone(ProblemCode.LINK_REVOKED, "This setup link was revoked. Ask for a new one.");
            default -> { }
        }
        OrganizationModel organization = OrganizationAccess.find(session, link.organizationId()).orElseThrow(NotFoundException::new);
        OrganizationActor actor = OrganizationActor.link(link.id());
        String route = session.getContext().getHttpRequest().getHttpMethod() + " identity-providers"
                + session.getContext().getUri().getPath().replaceFirst("^.*?/identity-providers", "");
        new OrganizationAudit(session, realm, organization, actor).record(OperationType.ACTION, ResourceType.ORGANIZATION,
                "setup-links/" + link.id(), null, Map.of("setupLink", link.id(), "use", route));
        return new OrganizationIdps(session, realm, organization, actor);
    }

    private static WebApplicationException gone(ProblemCode code, String message) {
        return new WebApplicationException(AdminAnswers.problem(410, code, message));
    }
}
