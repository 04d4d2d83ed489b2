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
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import io.jitprovisioning.JitVersion;
import io.jitprovisioning.KeycloakClock;
import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.admission.SignInOutcome;
import io.jitprovisioning.compat.KeycloakCompatibility;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.login.AuthNotes;
import io.jitprovisioning.login.FirstSignInNote;
import io.jitprovisioning.login.SignIn;
import io.jitprovisioning.login.SignInDecision;
import io.jitprovisioning.provenance.jpa.JpaProvenanceStore;
import io.jitprovisioning.references.SettingsFollowRenames;
import io.jitprovisioning.sync.KeycloakAccountWrites;
import io.jitprovisioning.sync.SignInWriter;

/**
 * "JIT Provisioning" on a SAML identity provider: carries the settings, refuses sign-ins before anything is written,
 * and re-applies IdP managed roles and profile at every later sign-in. Accounts are created by
 * {@code jit-provisioning-authenticator} in the first-broker-login flow.
 */
public final class JitProvisioningIdpMapper extends AbstractIdentityProviderMapper implements ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = ProviderIds.MAPPER;

    private static final Logger LOG = Logger.getLogger(JitProvisioningIdpMapper.class);

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

    /**
     * Decides the sign-in before Keycloak does anything with it: a refusal is answered here, before anything is
     * written; a first sign-in's decision is kept for the JIT step, which carries it out in the first-login flow; a
     * later sign-in's update is written when Keycloak calls {@link #updateBrokeredUser}. The cleaned profile is handed
     * to Keycloak, which copies it to a new account after the flow.
     */
    @Override
    public void preprocessFederatedIdentity(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
                                            BrokeredIdentityContext context) {
        SignIn signIn = signIn(session, realm, mapperModel, context);
        signIn.handProfileTo(context);
        SignInOutcome outcome = SignInDecision.decide(signIn);
        if (outcome instanceof SignInOutcome.Refuse refusal) {
            throw LoginGate.refuse(session, realm, context, signIn, refusal);
        }
        FirstSignInNote.keep(context.getAuthenticationSession(), signIn, outcome);
    }

    @Override
    public void importNewUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
                              BrokeredIdentityContext context) {
        // When another flow than the JIT step created the account, this is where the defaults land. It must not
        // throw: the account is already committed.
        if (AuthNotes.appliedByJitStep(context.getAuthenticationSession())) {
            return;
        }
        try {
            apply(session, realm, user, mapperModel, context, SignInOutcome.AccountKind.NEW);
        } catch (RuntimeException e) {
            LOG.errorf(e, "JIT provisioning could not complete the new account %s of identity provider %s in realm %s",
                    user.getId(), context.getIdpConfig().getAlias(), realm.getName());
        }
    }

    @Override
    public void updateBrokeredUser(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
                                   BrokeredIdentityContext context) {
        if (!AuthNotes.appliedByJitStep(context.getAuthenticationSession())) {
            apply(session, realm, user, mapperModel, context, SignInOutcome.AccountKind.RETURNING);
        }
    }

    /** Writes the update of an account Keycloak has accepted this identity for; {@link #preprocessFederatedIdentity} let it through. */
    private static void apply(KeycloakSession session, RealmModel realm, UserModel user, IdentityProviderMapperModel mapperModel,
                              BrokeredIdentityContext context, SignInOutcome.AccountKind kind) {
        SignIn signIn = signIn(session, realm, mapperModel, context);
        SignInWriter writer = new SignInWriter(signIn, new KeycloakAccountWrites(session, realm, null, signIn.provenance(), signIn.clock()));
        if (writer.apply(new SignInOutcome.Update(user, kind)) instanceof SignInWriter.Result.Written written) {
            JitEvents.changed(session, realm, user, signIn.idpAlias(), written.changes());
        }
    }

    private static SignIn signIn(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapperModel,
                                 BrokeredIdentityContext context) {
        JitSettings settings = JitSettings.from(mapperModel);
        if (!settings.problems().isEmpty()) {
            LOG.warnf("JIT mapper of identity provider %s in realm %s: unusable settings fell back to defaults: %s",
                    context.getIdpConfig().getAlias(), realm.getName(), settings.problems());
        }
        return new SignIn(session, realm, context, settings, JpaProvenanceStore.of(session), KeycloakClock.get());
    }

    @Override
    public void init(Config.Scope config) {
        KeycloakCompatibility.requireSupportedKeycloak();
    }

    /** Besides Keycloak's own synchronizers (for its mappers), ours: the JIT settings follow renamed roles and groups. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        factory.register(new SettingsFollowRenames());
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return JitVersion.operationalInfo();
    }

}
