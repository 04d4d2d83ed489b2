package io.jitprovisioning.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import io.jitprovisioning.preview.PreviewInput;
import io.jitprovisioning.preview.PreviewReport;

/**
 * {@code POST /identity-providers/{alias}/preview}: what a sign-in with this SAML response (or these attributes) would
 * do. It writes nothing and sends no sign-in event; it records one admin event without the input. Only an
 * administrator who may view users gets the part that depends on existing accounts.
 */
public final class PreviewResource {

    /** Runs a preview and records its admin event. */
    interface Previewer {
        PreviewReport run(PreviewInput input);
    }

    private final IdentityProviderModel idp;
    private final Previewer previewer;

    PreviewResource(IdentityProviderModel idp, Previewer previewer) {
        this.idp = idp;
        this.previewer = previewer;
    }

    /** A realm administrator's: the answer depends on accounts as far as they may view users. */
    static PreviewResource forRealmAdmin(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                                         AdminEventBuilder adminEvent, IdentityProviderModel idp) {
        return new PreviewResource(idp, input -> PreviewEvents.run(session, realm, idp, input, auth.users(), adminEvent));
    }

    /** {@code {"samlResponse": "..."}} or {@code {"attributes": {...}, "nameId": "..."}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(InputStream body) throws IOException {
        // Read here, not bound by RESTEasy: malformed JSON then gets this API's 400 body, not Keycloak's generic one.
        String json = PreviewBody.read(body);
        return answer(() -> PreviewInput.fromJson(json));
    }

    /** The SAMLResponse itself: base64 as the browser posted it, or the XML. */
    @POST
    @Consumes({MediaType.TEXT_PLAIN, "application/xml", "text/xml"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response response(InputStream body) throws IOException {
        String pasted = PreviewBody.read(body);
        return answer(() -> PreviewInput.fromText(pasted));
    }

    private Response answer(Supplier<PreviewInput> input) {
        try {
            IdpSetup.requireSaml(idp);
            PreviewReport report = previewer.run(input.get());
            return Response.ok(report).type(MediaType.APPLICATION_JSON).build();
        } catch (SetupRejected rejected) {
            return AdminAnswers.rejection(rejected);
        } catch (PreviewInput.Invalid invalid) {
            return AdminAnswers.problem(400, invalid.code(), invalid.getMessage());
        }
    }
}
