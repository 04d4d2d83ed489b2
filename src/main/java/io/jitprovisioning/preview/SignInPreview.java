package io.jitprovisioning.preview;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.broker.provider.IdentityProviderMapperSyncModeDelegate;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.admission.Admission;
import io.jitprovisioning.config.JitMappers;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.login.BrokeredLogin;
import io.jitprovisioning.login.BrokeredLogin.Account;
import io.jitprovisioning.login.LoginDecision;
import io.jitprovisioning.preview.Verdict.Outcome;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.provenance.jpa.JpaProvenanceStore;
import io.jitprovisioning.sync.AccountWriter;

/**
 * A sign-in of a brokered identity, gone through step by step as Keycloak and the extension go through it, up to the
 * point where something would be written: Keycloak's mappers prepare the identity (the JIT mapper reads it into a
 * {@link BrokeredLogin}); the JIT mapper's gate refuses or lets through ({@link BrokeredLogin#gateRefusal}, the
 * method the real gate calls); a first sign-in then goes to the JIT step's admission, a later one to the mapper's
 * update; and what the writers would change comes from the writers themselves, in a dry run. Nothing is written, no
 * event is sent.
 */
final class SignInPreview {

    /**
     * Keycloak's own mappers whose first pass only sets fields of the brokered identity (username, email, names,
     * attributes), which the extension's decision reads. Other mappers' first pass could do anything: they are not run.
     */
    static final Set<String> CONTEXT_ONLY_MAPPERS = Set.of("saml-username-idp-mapper", "saml-user-attribute-idp-mapper",
            "saml-xpath-attribute-idp-mapper", "hardcoded-attribute-idp-mapper");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String alias;
    private final ProvenanceStore provenance;

    SignInPreview(KeycloakSession session, RealmModel realm, String alias) {
        this.session = session;
        this.realm = realm;
        this.alias = alias;
        this.provenance = JpaProvenanceStore.of(session);
    }

    /** The JIT mapper's reading of the sign-in (null when the IdP has none), and the mapper itself. */
    private record Prepared(BrokeredLogin gate, IdentityProviderMapperModel jitMapper) {
    }

    Verdict decide(BrokeredIdentityContext context) {
        Prepared prepared = prepare(context);
        UserModel linked = session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(alias, context.getId(), context.getUsername()));
        return linked != null ? returning(linked, prepared.gate(), prepared.jitMapper(), context) : firstSignIn(prepared.gate(), context);
    }

    /**
     * The sign-in as far as it goes whoever the account is, for an administrator who may not view users: Keycloak's
     * mappers prepare the identity as for {@link #decide}, and no account is looked up, not even the linked one. The
     * JIT mapper's reading when the IdP has one (its gate runs first at every sign-in), else the JIT step's.
     */
    BrokeredLogin withoutAccounts(BrokeredIdentityContext context) {
        BrokeredLogin gate = prepare(context).gate();
        return gate != null ? gate : new BrokeredLogin(session, realm, context, JitMappers.settingsOf(session, alias), provenance);
    }

    /** IdentityBrokerService.authenticated: every mapper's first pass, in the order Keycloak keeps them. */
    private Prepared prepare(BrokeredIdentityContext context) {
        BrokeredLogin gate = null;
        IdentityProviderMapperModel jitMapper = null;
        for (IdentityProviderMapperModel mapper : session.identityProviders().getMappersByAliasStream(alias).toList()) {
            if (ProviderIds.MAPPER.equals(mapper.getIdentityProviderMapper()) && gate == null) {
                jitMapper = mapper;
                gate = new BrokeredLogin(session, realm, context, JitSettings.from(mapper), provenance);
                gate.shareProfile(context);
            } else if (CONTEXT_ONLY_MAPPERS.contains(mapper.getIdentityProviderMapper())) {
                IdentityProviderMapper target = (IdentityProviderMapper) session.getKeycloakSessionFactory()
                        .getProviderFactory(IdentityProviderMapper.class, mapper.getIdentityProviderMapper());
                if (target != null) {
                    target.preprocessFederatedIdentity(session, realm, mapper, context);
                }
            }
        }
        return new Prepared(gate, jitMapper);
    }

    /** A later sign-in: the mapper's gate, then its update (when the sync mode lets Keycloak call it). */
    private Verdict returning(UserModel user, BrokeredLogin gate, IdentityProviderMapperModel jitMapper, BrokeredIdentityContext context) {
        if (gate == null) {
            return new Verdict(Outcome.SIGN_IN, null, "LINKED_IDENTITY", user, null, null, List.of(), null);
        }
        Optional<Admission.Refuse> refusal = gate.gateRefusal(false);
        if (refusal.isPresent()) {
            return refused(refusal.get(), user, gate);
        }
        IdentityProviderSyncMode sync = IdentityProviderMapperSyncModeDelegate.combineIdpAndMapperSyncMode(
                context.getIdpConfig().getSyncMode(), jitMapper.getSyncMode());
        if (sync != IdentityProviderSyncMode.FORCE && sync != IdentityProviderSyncMode.LEGACY) {
            return new Verdict(Outcome.SIGN_IN, null, "LINKED_IDENTITY", user, null, null, List.of(), gate);
        }
        return applied(Outcome.SIGN_IN, "LINKED_IDENTITY", user, gate, Account.RETURNING);
    }

    /** A first sign-in: the mapper's gate, then the JIT step's admission, as the first-login flow runs it. */
    private Verdict firstSignIn(BrokeredLogin gate, BrokeredIdentityContext context) {
        if (gate != null) {
            Optional<Admission.Refuse> refusal = gate.gateRefusal(true);
            if (refusal.isPresent()) {
                return refused(refusal.get(), refusal.get().account(), gate);
            }
        }
        context.setModelUsername(modelUsername(context));
        BrokeredLogin step = new BrokeredLogin(session, realm, context, JitMappers.settingsOf(session, alias), provenance);
        Admission admission = step.admission();
        if (admission instanceof Admission.Link link) {
            return applied(Outcome.LINK, link.rule(), link.user(), step, Account.LINKED);
        }
        if (admission instanceof Admission.Create create) {
            return applied(Outcome.CREATE, create.rule(), null, step, Account.NEW);
        }
        return refused((Admission.Refuse) admission, ((Admission.Refuse) admission).account(), step);
    }

    private Verdict applied(Outcome outcome, String rule, UserModel user, BrokeredLogin login, Account account) {
        LoginDecision decision = login.decisionFor(user, account);
        return new Verdict(outcome, null, rule, user, decision, AccountWriter.plan(session, realm, provenance, user, decision),
                List.of(), login);
    }

    private static Verdict refused(Admission.Refuse refusal, UserModel account, BrokeredLogin login) {
        return new Verdict(Outcome.REFUSE, refusal.code().name(), refusal.rule(), account, null, null,
                login.rolesBehindRefusal(), login);
    }

    /** The username IdentityBrokerService gives a new account before the first-login flow starts. */
    private String modelUsername(BrokeredIdentityContext context) {
        String username = context.getModelUsername();
        if (username == null) {
            if (realm.isRegistrationEmailAsUsername() && context.getEmail() != null && !context.getEmail().isBlank()) {
                username = context.getEmail();
            } else if (context.getUsername() == null) {
                username = alias + "." + context.getId();
            } else {
                username = context.getUsername();
            }
        }
        return username.trim();
    }
}
