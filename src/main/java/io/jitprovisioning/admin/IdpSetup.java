package io.jitprovisioning.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
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
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.preparation.RealmPreparation;

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

    /** What a setup wrote, for the admin events. */
    record Outcome(IdentityProviderModel idp, IdentityProviderMapperModel mapper, boolean mapperCreated,
                   JitFirstLoginFlow.Ensured flow, List<Problem> warnings) {
    }

    IdpSetup(KeycloakSession session, RealmModel realm, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.clock = clock;
    }

    /** A create request that passed every check; nothing is written yet. */
    record Checked(IdpSetupRequest request, JitSettings settings, MetadataReport report, List<Problem> warnings) {
    }

    /** Checks a create request completely, without writing anything. */
    Checked check(IdpSetupRequest request) throws SetupRejected {
        if (request.alias() == null || !ALIAS.matcher(request.alias()).matches()) {
            throw SetupRejected.badRequest("INVALID_ALIAS", "alias is required: 1 to 100 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit. It appears in the broker's URLs.");
        }
        if (session.identityProviders().getByAlias(request.alias()) != null) {
            throw new SetupRejected(409, List.of(new Problem("ALIAS_EXISTS", "An identity provider with the alias '"
                    + request.alias() + "' already exists. Use PUT to change it, or choose another alias.")), List.of());
        }
        if (request.metadata() == null || request.metadata().isBlank()) {
            throw SetupRejected.badRequest("MISSING_METADATA", "metadata is required: the identity provider's SAML metadata XML.");
        }
        SettingsCheck check = new SettingsCheck(new RealmRoleDirectory(session, realm));
        JitSettings settings = check.apply(JitSettings.builder().build(), request);
        MetadataReport report = validate(request);
        rejectIfErrors(check, report);
        return new Checked(request, settings, report, warnings(check, report));
    }

    Outcome create(IdpSetupRequest request) throws SetupRejected {
        return create(check(request));
    }

    /** Writes a checked request: identity provider, mapper, flow and realm preparations. */
    Outcome create(Checked checked) throws SetupRejected {
        IdpSetupRequest request = checked.request();
        JitSettings settings = checked.settings();
        MetadataReport report = checked.report();
        JitFirstLoginFlow.Ensured flow = JitFirstLoginFlow.ensure(realm);
        SAMLIdentityProviderConfig idp = new SAMLIdentityProviderConfig();
        idp.setAlias(request.alias());
        idp.setProviderId(SAMLIdentityProviderFactory.PROVIDER_ID);
        idp.setDisplayName(request.displayName() == null || request.displayName().isBlank() ? request.alias() : request.displayName());
        idp.setEnabled(true);
        TrustEmail.set(idp, false);
        idp.setFirstBrokerLoginFlowId(flow.flow().getId());
        idp.setSyncMode(IdentityProviderSyncMode.IMPORT);
        idp.setPrincipalType(SamlPrincipalType.SUBJECT);
        idp.setPostBindingResponse(true);
        idp.setValidateSignature(true);
        idp.setWantAssertionsSigned(true);
        SamlIdpFromMetadata.apply(idp, report);
        checkKeycloakAccepts(idp, checked.warnings());
        session.identityProviders().create(idp);

        IdentityProviderMapperModel mapper = new IdentityProviderMapperModel();
        mapper.setName(MAPPER_NAME);
        mapper.setIdentityProviderAlias(idp.getAlias());
        mapper.setIdentityProviderMapper(ProviderIds.MAPPER);
        mapper.setConfig(mapperConfig(settings));
        mapper = session.identityProviders().createMapper(mapper);

        prepareRealm(settings);
        return new Outcome(session.identityProviders().getByAlias(idp.getAlias()), mapper, true, flow, checked.warnings());
    }

    Outcome update(IdentityProviderModel existing, IdpSetupRequest request) throws SetupRejected {
        requireSaml(existing);
        if (request.alias() != null && !request.alias().equals(existing.getAlias())) {
            throw SetupRejected.badRequest("ALIAS_MISMATCH", "The alias in the body differs from the one in the URL; "
                    + "an identity provider cannot be renamed here.");
        }
        Optional<IdentityProviderMapperModel> current = JitMappers.find(session, existing.getAlias());
        SettingsCheck check = new SettingsCheck(new RealmRoleDirectory(session, realm));
        JitSettings settings = check.apply(current.map(JitSettings::from).orElse(JitSettings.builder().build()), request);
        MetadataReport report = request.metadata() == null ? null : validate(request);
        rejectIfErrors(check, report);

        SAMLIdentityProviderConfig idp = new SAMLIdentityProviderConfig(existing);
        if (request.displayName() != null) {
            idp.setDisplayName(request.displayName());
        }
        if (report != null) {
            SamlIdpFromMetadata.apply(idp, report);
        }
        checkKeycloakAccepts(idp, check.warnings);
        session.identityProviders().update(idp);

        IdentityProviderMapperModel mapper = current.orElseGet(IdentityProviderMapperModel::new);
        mapper.setName(current.isPresent() ? mapper.getName() : MAPPER_NAME);
        mapper.setIdentityProviderAlias(existing.getAlias());
        mapper.setIdentityProviderMapper(ProviderIds.MAPPER);
        String syncMode = current.map(m -> m.getConfig().get(IdentityProviderMapperModel.SYNC_MODE)).orElse(null);
        mapper.setConfig(mapperConfig(settings));
        if (syncMode != null) {
            mapper.getConfig().put(IdentityProviderMapperModel.SYNC_MODE, syncMode);
        }
        if (current.isPresent()) {
            session.identityProviders().updateMapper(mapper);
        } else {
            mapper = session.identityProviders().createMapper(mapper);
        }
        prepareRealm(settings);
        return new Outcome(session.identityProviders().getByAlias(existing.getAlias()), mapper, current.isEmpty(), null,
                report == null ? check.warnings : warnings(check, report));
    }

    /** The setup touches SAML identity providers only: rewriting another type as SAML would break its sign-ins. */
    static void requireSaml(IdentityProviderModel idp) throws SetupRejected {
        if (!SAMLIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId())) {
            throw SetupRejected.badRequest("UNSUPPORTED_IDP_TYPE", "The identity provider '" + idp.getAlias() + "' is of type '"
                    + idp.getProviderId() + "'; JIT provisioning sets up SAML v2.0 identity providers only. Nothing was changed.");
        }
    }

    private MetadataReport validate(IdpSetupRequest request) {
        return new MetadataValidator(clock).validate(request.metadata().getBytes(StandardCharsets.UTF_8), request.entityId());
    }

    private static void rejectIfErrors(SettingsCheck check, MetadataReport report) throws SetupRejected {
        List<Problem> errors = new ArrayList<>(check.errors);
        if (report != null) {
            report.errors().stream().map(Problem::of).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new SetupRejected(400, errors, warnings(check, report));
        }
    }

    private static List<Problem> warnings(SettingsCheck check, MetadataReport report) {
        List<Problem> warnings = new ArrayList<>(check.warnings);
        if (report != null) {
            report.warnings().stream().map(Problem::of).forEach(warnings::add);
        }
        return warnings;
    }

    private void checkKeycloakAccepts(SAMLIdentityProviderConfig idp, List<Problem> warnings) throws SetupRejected {
        try {
            idp.validate(realm);
        } catch (IllegalArgumentException refused) {
            throw new SetupRejected(400, List.of(new Problem("INVALID_IDP_CONFIG", "Keycloak refused the identity provider's "
                    + "configuration: " + refused.getMessage())), warnings);
        }
    }

    private static Map<String, String> mapperConfig(JitSettings settings) {
        Map<String, String> config = new LinkedHashMap<>(settings.toConfig());
        config.put(IdentityProviderMapperModel.SYNC_MODE, IdentityProviderMapperSyncMode.FORCE.name());
        return config;
    }

    /** The user-profile declarations, and the Agent role when it is the default, exist before the first sign-in. */
    private void prepareRealm(JitSettings settings) {
        RealmPreparation.prepare(session, realm, settings);
    }
}
