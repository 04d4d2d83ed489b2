package io.jitprovisioning.admin;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.ProviderIds;

/** The ready-made first broker login flow: the JIT step alone, so that no page is shown. */
final class JitFirstLoginFlow {

    static final String ALIAS = "JIT first broker login";

    private JitFirstLoginFlow() {
    }

    /** The realm's JIT flow, created when missing; true in {@code created} when this call made it. */
    record Ensured(AuthenticationFlowModel flow, boolean created) {
    }

    static Ensured ensure(RealmModel realm) {
        AuthenticationFlowModel existing = realm.getFlowByAlias(ALIAS);
        if (existing != null) {
            return new Ensured(existing, false);
        }
        AuthenticationFlowModel flow = new AuthenticationFlowModel();
        flow.setAlias(ALIAS);
        flow.setDescription("First login through an identity provider with JIT provisioning: creates or links the "
                + "account with no page shown, or refuses with a clear page (see the IdP's JIT Provisioning mapper).");
        flow.setProviderId("basic-flow");
        flow.setTopLevel(true);
        flow.setBuiltIn(false);
        flow = realm.addAuthenticationFlow(flow);

        AuthenticationExecutionModel step = new AuthenticationExecutionModel();
        step.setParentFlow(flow.getId());
        step.setAuthenticator(ProviderIds.AUTHENTICATOR);
        step.setRequirement(AuthenticationExecutionModel.Requirement.REQUIRED);
        step.setPriority(10);
        step.setAuthenticatorFlow(false);
        realm.addAuthenticatorExecution(step);
        return new Ensured(flow, true);
    }
}
