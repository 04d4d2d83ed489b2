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
import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.compat.KeycloakCompatibility;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.login.AuthNotes;
import io.jitprovisioning.login.BrokeredLogin;
import io.jitprovisioning.login.BrokeredLogin.Account;
import io.jitprovisioning.provenance.jpa.JpaProvenanceStore;
import io.jitprovisioning.sync.AccountWriter;

/**
 * "JIT Provisioning" on a SAML identity provider: carries the settings, refuses sign-ins before anything is written,
 * and re-applies IdP managed roles and profile at every later sign-in. Accounts are created by
 * {@code jit-provisioning-authenticator} in the first-broker-login flow.
 */
public final class JitProvisioningIdpMapper extends AbstractIdentityProviderMapper implements ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = ProviderIds.MAPPER;

    private static final Logger LOG = Logger.getLogger(JitProvisioningIdpMapper.class);
    private static final String SESSION_KEY = BrokeredLogin.class.getName();

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
        BrokeredLogin login = new BrokeredLogin(session, realm, context, settings, JpaProvenanceStore.of(session));
        session.setAttribute(SESSION_KEY, login);
        login.shareProfile(context);
        LoginGate.check(session, realm, context, login);
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
                              BrokeredIdentityContext context) {
        // When another flow than the JIT step created the account, this is where the defaults land. It must not
        // throw: the account is already committed.
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession != null && Boolean.parseBoolean(authSession.getAuthNote(AuthNotes.PROVISIONED))) {
            return;
        }
        try {
            apply(session, realm, user, loginFor(session, realm, mapperModel, context), Account.NEW);
        } catch (RuntimeException e) {
            LOG.errorf(e, "JIT provisioning could not complete the new account %s of identity provider %s in realm %s",
                    user.getId(), context.getIdpConfig().getAlias(), realm.getName());
        }
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
                                   BrokeredIdentityContext context) {
        apply(session, realm, user, loginFor(session, realm, mapperModel, context), Account.RETURNING);
    }

    private static void apply(KeycloakSession session, RealmModel realm, UserModel user, BrokeredLogin login, Account account) {
        AccountWriter writer = new AccountWriter(session, realm, login.provenance());
        JitEvents.changed(session, realm, user, login.idpAlias(), writer.apply(user, login.decisionFor(user, account)));
    }

    @Override
    public void init(Config.Scope config) {
        KeycloakCompatibility.requireSupportedKeycloak();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return JitVersion.operationalInfo();
    }

    private static BrokeredLogin loginFor(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
                                          BrokeredIdentityContext context) {
        Object cached = session.getAttribute(SESSION_KEY);
        if (cached instanceof BrokeredLogin login && login.idpAlias().equals(context.getIdpConfig().getAlias())) {
            return login;
        }
        return new BrokeredLogin(session, realm, context, JitSettings.from(mapperModel), JpaProvenanceStore.of(session));
    }
}
