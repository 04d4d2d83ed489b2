package io.jitprovisioning.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.broker.saml.SAMLIdentityProviderFactory;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderMapperSyncMode;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SamlPrincipalType;

import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.compat.TrustEmail;
import io.jitprovisioning.config.JitMappers;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.metadata.MetadataReport;
import io.jitprovisioning.metadata.MetadataValidator;
import io.jitprovisioning.preparation.RealmPreparation;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/**
 * Creates or updates a SAML identity provider with JIT provisioning from metadata and settings, with secure
 * defaults, in the admin request's transaction: all or nothing.
 */
final class IdpSetup {

    static final String MAPPER_NAME = "JIT provisioning";
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Clock clock;
    private final SettingsGuard guard;

    /** What an organization's setup holds the settings to (its limits), once they are otherwise valid. */
    interface SettingsGuard {
        /** @return the settings to store */
        JitSettings apply(JitSettings settings) throws SetupRejected;
    }

    /** What a setup wrote, for the admin events. */
    record Outcome(IdentityProviderModel idp, IdentityProviderMapperModel mapper, boolean mapperCreated,
                   JitFirstLoginFlow.Ensured flow, List<Problem> warnings) {
    }

    /** A create request that passed every check; nothing is written yet. */
    record Checked(IdpSetupRequest request, JitSettings settings, MetadataReport report, List<Problem> warnings) {
    }

    IdpSetup(KeycloakSession session, RealmModel realm, Clock clock) {
        this(session, realm, clock, settings -> settings);
    }

    IdpSetup(KeycloakSession session, RealmModel realm, Clock clock, SettingsGuard guard) {
        this.session = session;
        this.realm = realm;
        this.clock = clock;
        this.guard = guard;
    }

    /** Checks a create request completely, without writing anything. */
    Checked check(IdpSetupRequest request) throws SetupRejected {
        if (request.alias() == null || !ALIAS.matcher(request.alias()).matches()) {
            throw SetupRejected.badRequest(ProblemCode.INVALID_ALIAS, "alias is required: 1 to 100 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit. It appears in the broker's URLs.");
        }
        if (session.identityProviders().getByAlias(request.alias()) != null) {
            throw new SetupRejected(409, List.of(new Problem(ProblemCode.ALIAS_EXISTS, "An identity provider with the alias '"
                    + request.alias() + "' already exists. Use PUT to change it, or choose another alias.")), List.of());
        }
        if (request.metadata() == null || request.metadata().isBlank()) {
            throw SetupRejected.badRequest(ProblemCode.MISSING_METADATA, "metadata is required: the identity provider's SAML metadata XML.");
        }
        MetadataReport report = validate(request);
        JitSettings settings = request.settings().over(JitSettings.builder().build());
        List<Problem> warnings = SetupErrors.rejectIfAny(request, report, settings);
        return new Checked(request, guard.apply(settings), report, warnings);
    }

    Outcome create(IdpSetupRequest request) throws SetupRejected {
        return create(check(request));
    }

    /** Writes a checked request: identity provider, mapper, flow and realm preparations. */
    Outcome create(Checked checked) throws SetupRejected {
        IdpSetupRequest request = checked.request();
        JitFirstLoginFlow.Ensured flow = JitFirstLoginFlow.ensure(realm);
        SAMLIdentityProviderConfig idp = new SAMLIdentityProviderConfig();
        idp.setAlias(request.alias());
        idp.setProviderId(SAMLIdentityProviderFactory.PROVIDER_ID);
        idp.setDisplayName(request.displayName() == null || request.displayName().isBlank() ? request.alias() : request.displayName());
        idp.setEnabled(request.enabled() == null || request.enabled());
        TrustEmail.set(idp, false);
        idp.setFirstBrokerLoginFlowId(flow.flow().getId());
        idp.setSyncMode(IdentityProviderSyncMode.IMPORT);
        idp.setPrincipalType(SamlPrincipalType.SUBJECT);
        idp.setPostBindingResponse(true);
        idp.setValidateSignature(true);
        idp.setWantAssertionsSigned(true);
        SamlIdpFromMetadata.applyToNew(idp, checked.report());
        if (request.nameIdFormat() != null) {
            idp.setNameIDPolicyFormat(request.nameIdFormat());
        }
        checkKeycloakAccepts(idp, checked.warnings());
        session.identityProviders().create(idp);
        IdentityProviderMapperModel mapper = writeMapper(idp.getAlias(), checked.settings(), Optional.empty());
        RealmPreparation.prepare(session, realm, checked.settings());
        return new Outcome(session.identityProviders().getByAlias(idp.getAlias()), mapper, true, flow, checked.warnings());
    }

    Outcome update(IdentityProviderModel existing, IdpSetupRequest request) throws SetupRejected {
        requireSaml(existing);
        if (request.alias() != null && !request.alias().equals(existing.getAlias())) {
            throw SetupRejected.badRequest(ProblemCode.ALIAS_MISMATCH, "The alias in the body differs from the one in the URL; "
                    + "an identity provider cannot be renamed here.");
        }
        Optional<IdentityProviderMapperModel> current = JitMappers.find(session, existing.getAlias());
        JitSettings settings = request.settings().over(current.map(JitSettings::from).orElse(JitSettings.builder().build()));
        MetadataReport report = request.metadata() == null ? null : validate(request);
        List<Problem> warnings = SetupErrors.rejectIfAny(request, report, settings);
        settings = guard.apply(settings);

        SAMLIdentityProviderConfig idp = new SAMLIdentityProviderConfig(existing);
        if (request.displayName() != null) {
            idp.setDisplayName(request.displayName());
        }
        if (request.enabled() != null) {
            idp.setEnabled(request.enabled());
        }
        if (request.nameIdFormat() != null) {
            idp.setNameIDPolicyFormat(request.nameIdFormat());
        }
        if (report != null) {
            warnings.addAll(SamlIdpFromMetadata.applyToExisting(idp, report));
        }
        checkKeycloakAccepts(idp, warnings);
        session.identityProviders().update(idp);
        IdentityProviderMapperModel mapper = writeMapper(existing.getAlias(), settings, current);
        RealmPreparation.prepare(session, realm, settings);
        return new Outcome(session.identityProviders().getByAlias(existing.getAlias()), mapper, current.isEmpty(), null, warnings);
    }

    /** The setup touches SAML identity providers only: rewriting another type as SAML would break its sign-ins. */
    static void requireSaml(IdentityProviderModel idp) throws SetupRejected {
        if (!SAMLIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId())) {
            throw SetupRejected.badRequest(ProblemCode.UNSUPPORTED_IDP_TYPE, "The identity provider '" + idp.getAlias() + "' is of type '"
                    + idp.getProviderId() + "'; JIT provisioning sets up SAML v2.0 identity providers only. Nothing was changed.");
        }
    }

    /**
     * The IdP's JIT mapper holding {@code settings}: created with the sync mode override {@code Force} (so that it runs
     * at every sign-in), or updated keeping the sync mode an administrator chose.
     */
    private IdentityProviderMapperModel writeMapper(String alias, JitSettings settings, Optional<IdentityProviderMapperModel> current) {
        IdentityProviderMapperModel mapper = current.orElseGet(IdentityProviderMapperModel::new);
        String syncMode = current.map(m -> m.getConfig().get(IdentityProviderMapperModel.SYNC_MODE))
                .orElse(IdentityProviderMapperSyncMode.FORCE.name());
        Map<String, String> config = new LinkedHashMap<>(settings.toConfig());
        config.put(IdentityProviderMapperModel.SYNC_MODE, syncMode);
        mapper.setConfig(config);
        if (current.isPresent()) {
            session.identityProviders().updateMapper(mapper);
            return mapper;
        }
        mapper.setName(MAPPER_NAME);
        mapper.setIdentityProviderAlias(alias);
        mapper.setIdentityProviderMapper(ProviderIds.MAPPER);
        return session.identityProviders().createMapper(mapper);
    }

    private MetadataReport validate(IdpSetupRequest request) {
        return new MetadataValidator(clock).validate(request.metadata().getBytes(StandardCharsets.UTF_8), request.entityId());
    }

    private void checkKeycloakAccepts(SAMLIdentityProviderConfig idp, List<Problem> warnings) throws SetupRejected {
        try {
            idp.validate(realm);
        } catch (IllegalArgumentException refused) {
            throw new SetupRejected(400, List.of(new Problem(ProblemCode.INVALID_IDP_CONFIG, "Keycloak refused the identity provider's "
                    + "configuration: " + refused.getMessage())), warnings);
        }
    }
}
