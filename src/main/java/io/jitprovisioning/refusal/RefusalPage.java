package io.jitprovisioning.refusal;

import jakarta.ws.rs.core.Response;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The themed page a refused user sees: plain words, what to do, and the code to quote to an administrator. */
public final class RefusalPage {

    public static final String TEMPLATE = "jit-refused.ftl";

    private RefusalPage() {
    }

    public static Response create(LoginFormsProvider form, JitError code) {
        return form.setAttribute("jitError", code.name())
                .setAttribute("jitMessageKey", code.messageKey())
                .setStatus(code == JitError.TRY_AGAIN ? Response.Status.CONFLICT : Response.Status.FORBIDDEN)
                .createForm(TEMPLATE);
    }

    public static Response create(KeycloakSession session, AuthenticationSessionModel authSession, JitError code) {
        LoginFormsProvider form = session.getProvider(LoginFormsProvider.class);
        if (authSession != null) {
            form.setAuthenticationSession(authSession);
        }
        return create(form, code);
    }
}
