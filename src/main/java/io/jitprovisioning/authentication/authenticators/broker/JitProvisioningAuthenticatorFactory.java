package io.jitprovisioning.authentication.authenticators.broker;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import io.jitprovisioning.StatelessProviderFactory;
import io.jitprovisioning.KeycloakClock;
import io.jitprovisioning.compat.KeycloakCompatibility;

/** Registers "JIT User Provisioning" for first broker login flows. Its settings live on the IdP's JIT mapper. */
public final class JitProvisioningAuthenticatorFactory implements AuthenticatorFactory, StatelessProviderFactory<Authenticator> {

    public static final String PROVIDER_ID = io.jitprovisioning.ProviderIds.AUTHENTICATOR;

    private final JitProvisioningAuthenticator authenticator = new JitProvisioningAuthenticator(KeycloakClock.get());

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "JIT User Provisioning";
    }

    @Override
    public String getReferenceCategory() {
        return "jitProvisioning";
    }

    @Override
    public String getHelpText() {
        return "First broker login step: creates the account with no page shown when the identity provider's JIT mapper "
                + "has JIT on; links only existing (invited) accounts when it is off. Refuses with a clear page "
                + "and event otherwise. Settings live on the identity provider's 'JIT Provisioning' mapper.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[]{
                AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public void init(Config.Scope config) {
        KeycloakCompatibility.refuseOlderKeycloak();
    }
}
