package io.jitprovisioning.preview;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.broker.provider.IdentityProviderMapper;
import org.keycloak.broker.provider.IdentityProviderMapperSyncModeDelegate;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.KeycloakClock;
import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.admission.SignInOutcome;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.login.SignIn;
import io.jitprovisioning.login.SignInDecision;
import io.jitprovisioning.preview.Verdict.Outcome;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.provenance.jpa.JpaProvenanceStore;
import io.jitprovisioning.sync.RecordedAccountWrites;
import io.jitprovisioning.sync.SignInWriter;

/**
 * A sign-in of a brokered identity, gone through as Keycloak and the extension go through it, with every write
 * recorded instead of made: Keycloak's mappers prepare the identity (the JIT mapper reads it into a {@link SignIn});
 * the one decision of a sign-in ({@link SignInDecision}) decides it; the sign-in's own writer works out what would
 * change, through {@link RecordedAccountWrites}. Nothing is written, no event is sent.
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
    /** Keycloak's, as in a real sign-in: the linking rules' windows are measured on it. */
    private final Clock clock = KeycloakClock.get();

    SignInPreview(KeycloakSession session, RealmModel realm, String alias) {
        this.session = session;
        this.realm = realm;
        this.alias = alias;
        this.provenance = JpaProvenanceStore.of(session);
    }

    /** The sign-in as the extension reads it, and the JIT mapper (null when the IdP has none: the JIT step alone). */
    private record Prepared(SignIn signIn, IdentityProviderMapperModel jitMapper) {
    }

    Verdict decide(BrokeredIdentityContext context) {
        Prepared prepared = prepare(context);
        SignIn signIn = prepared.signIn();
        Optional<UserModel> linked = signIn.linkedAccount();
        if (linked.isPresent()) {
            return returning(signIn, linked.get(), prepared.jitMapper(), context);
        }
        return verdict(SignInDecision.firstSignIn(signIn), signIn);
    }

    /**
     * The sign-in as far as it goes whoever the account is, for an administrator who may not view users: Keycloak's
     * mappers prepare the identity as for {@link #decide}, and no account is looked up, not even the linked one.
     */
    SignIn withoutAccounts(BrokeredIdentityContext context) {
        return prepare(context).signIn();
    }

    /**
     * IdentityBrokerService.authenticated: every mapper's first pass, in the order Keycloak keeps them. The sign-in is
     * then read from the identity as every mapper left it, as the JIT step reads it in the first-login flow.
     */
    private Prepared prepare(BrokeredIdentityContext context) {
        JitSettings settings = JitSettings.absent();
        IdentityProviderMapperModel jitMapper = null;
        for (IdentityProviderMapperModel mapper : session.identityProviders().getMappersByAliasStream(alias).toList()) {
            if (ProviderIds.MAPPER.equals(mapper.getIdentityProviderMapper()) && jitMapper == null) {
                jitMapper = mapper;
                settings = JitSettings.from(mapper);
                new SignIn(session, realm, context, settings, provenance, clock).handProfileTo(context);
            } else if (CONTEXT_ONLY_MAPPERS.contains(mapper.getIdentityProviderMapper())) {
                IdentityProviderMapper target = (IdentityProviderMapper) session.getKeycloakSessionFactory()
                        .getProviderFactory(IdentityProviderMapper.class, mapper.getIdentityProviderMapper());
                if (target != null) {
                    target.preprocessFederatedIdentity(session, realm, mapper, context);
                }
            }
        }
        // Without a JIT mapper, the JIT step reads the sign-in with no settings (invitation only).
        return new Prepared(new SignIn(session, realm, context, settings, provenance, clock), jitMapper);
    }

    /** A later sign-in: the mapper's gate, then its update (when the sync mode lets Keycloak call it). */
    private Verdict returning(SignIn signIn, UserModel user, IdentityProviderMapperModel jitMapper, BrokeredIdentityContext context) {
        if (jitMapper == null) {
            return new Verdict(Outcome.SIGN_IN, null, "LINKED_IDENTITY", user, null, null, List.of(), null);
        }
        IdentityProviderSyncMode sync = IdentityProviderMapperSyncModeDelegate.combineIdpAndMapperSyncMode(
                context.getIdpConfig().getSyncMode(), jitMapper.getSyncMode());
        SignInOutcome outcome = SignInDecision.returning(signIn, user);
        if (!(outcome instanceof SignInOutcome.Refuse) && sync != IdentityProviderSyncMode.FORCE && sync != IdentityProviderSyncMode.LEGACY) {
            return new Verdict(Outcome.SIGN_IN, null, outcome.rule(), user, null, null, List.of(), signIn);
        }
        return verdict(outcome, signIn);
    }

    /** The outcome, and what its writes would change: the sign-in's own writer, with every write recorded. */
    private Verdict verdict(SignInOutcome outcome, SignIn signIn) {
        if (outcome instanceof SignInOutcome.Refuse refusal) {
            return new Verdict(Outcome.REFUSE, refusal.code().name(), refusal.rule(), refusal.account(), null, null,
                    refusal.refusedRoles(), signIn);
        }
        SignInWriter.Result result = new SignInWriter(signIn, new RecordedAccountWrites()).apply(outcome);
        if (result instanceof SignInWriter.Result.Refused refused) {
            return new Verdict(Outcome.REFUSE, refused.code().name(), refused.rule(), account(outcome), null, null, List.of(), signIn);
        }
        SignInWriter.Result.Written written = (SignInWriter.Result.Written) result;
        Outcome shown = outcome instanceof SignInOutcome.Create ? Outcome.CREATE
                : outcome instanceof SignInOutcome.Link ? Outcome.LINK : Outcome.SIGN_IN;
        return new Verdict(shown, null, outcome.rule(), written.account(), written.update(), written.changes(), List.of(), signIn);
    }

    private static UserModel account(SignInOutcome outcome) {
        if (outcome instanceof SignInOutcome.Link link) {
            return link.account();
        }
        return outcome instanceof SignInOutcome.Update update ? update.account() : null;
    }
}
