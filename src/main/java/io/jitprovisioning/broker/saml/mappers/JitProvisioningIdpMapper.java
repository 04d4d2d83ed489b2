package io.jitprovisioning.broker.saml.mappers;

import java.util.List;
import java.util.Map;


import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.broker.provider.AbstractIdentityProviderMapper;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.saml.SAMLIdentityProviderFactory;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.sessions.AuthenticationSessionModel;

import io.jitprovisioning.JitVersion;
import io.jitprovisioning.compat.KeycloakCompatibility;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.sync.Changes;
import io.jitprovisioning.sync.LoginSync;

/**
 * "JIT Provisioning" on a SAML identity provider: carries the settings, refuses logins the unknown-role policy
 * denies before anything is written, and re-applies IdP managed roles and profile at every later login.
 * Accounts are created by {@code jit-provisioning-authenticator} in the first-broker-login flow.
 */
public final class JitProvisioningIdpMapper extends AbstractIdentityProviderMapper implements ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "jit-provisioning-idp-mapper";

    private static final Logger LOG = Logger.getLogger(JitProvisioningIdpMapper.class);
    private static final String SESSION_KEY = LoginSync.class.getName();

    /** Set by the JIT step on the accounts it created, so that the work is not done twice. */
    public static final String PROVISIONED_NOTE = "jit.provisioned";
    public static final String PROVISIONED_NOTE_VALUE = "true";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String[] getCompatibleProviders() {
        return new String[]{SAMLIdentityProviderFactory.PROVIDER_ID};
    }

    @Override
    public String getDisplayCategory() {
        return "JIT Provisioning";
    }

    @Override
    public String getDisplayType() {
        return "JIT Provisioning";
    }

    @Override
    public String getHelpText() {
        return "Just-in-time provisioning: creates accounts at first sign-in with a default role, or with roles and "
                + "profile managed by the identity provider through an attribute mapping. Pair it with the "
                + "'JIT User Provisioning' step in the first broker login flow.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return JitConfigProperties.ALL;
    }

    @Override
    public boolean supportsSyncMode(IdentityProviderSyncMode syncMode) {
        return true;
    }

    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
                                            BrokeredIdentityContext context) {
        JitSettings settings = JitSettings.from(mapperModel);
        if (!settings.problems().isEmpty()) {
            LOG.warnf("JIT mapper of identity provider %s in realm %s: unusable settings fell back to defaults: %s",
                    context.getIdpConfig().getAlias(), realm.getName(), settings.problems());
        }
        LoginSync sync = new LoginSync(session, realm, context, settings);
        session.setAttribute(SESSION_KEY, sync);

        ProfileValues profile = sync.newAccountProfile();
        profile.email().ifPresent(context::setEmail);
        profile.firstName().ifPresent(context::setFirstName);
        profile.lastName().ifPresent(context::setLastName);

        LoginGate.check(session, realm, context, sync);
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
                              BrokeredIdentityContext context) {
        // When another flow than the JIT step created the account, this is where the defaults land. It must not
        // throw: the account is already committed.
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession != null && PROVISIONED_NOTE_VALUE.equals(authSession.getAuthNote(PROVISIONED_NOTE))) {
            return;
        }
        try {
            LoginSync sync = syncFor(session, realm, mapperModel, context);
            JitEvents.changed(session, realm, user, context.getIdpConfig().getAlias(), sync.provision(user, true));
        } catch (RuntimeException e) {
            LOG.errorf(e, "JIT provisioning could not complete the new account %s of identity provider %s in realm %s",
                    user.getId(), context.getIdpConfig().getAlias(), realm.getName());
        }
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
                                   BrokeredIdentityContext context) {
        LoginSync sync = syncFor(session, realm, mapperModel, context);
        Changes changes = sync.update(user);
        JitEvents.changed(session, realm, user, sync.idpAlias(), changes);
    }

    @Override
    public void init(Config.Scope config) {
        KeycloakCompatibility.requireSupportedKeycloak();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return JitVersion.operationalInfo();
    }

    private static LoginSync syncFor(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
                                     BrokeredIdentityContext context) {
        Object cached = session.getAttribute(SESSION_KEY);
        if (cached instanceof LoginSync sync && sync.idpAlias().equals(context.getIdpConfig().getAlias())) {
            return sync;
        }
        return new LoginSync(session, realm, context, JitSettings.from(mapperModel));
    }
}
