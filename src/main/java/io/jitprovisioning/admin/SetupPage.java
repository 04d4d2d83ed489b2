package io.jitprovisioning.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.services.ui.extend.UiPageProvider;

import io.jitprovisioning.KeycloakClock;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.problem.ProblemCode;

/**
 * What saving the console's setup page does: the checks and writes of {@code POST} or {@code PUT /identity-providers},
 * with the same permission (manage identity providers) and the same admin events. Keycloak stores the page itself as
 * a component of the realm; a refusal is a {@link ComponentValidationException}, and then nothing is written.
 */
final class SetupPage {

    private static final Logger LOG = Logger.getLogger(SetupPage.class);
    private static final List<String> FIELDS = JitSetupPageFactory.PROPERTIES.stream().map(ProviderConfigProperty::getName).toList();
    /** A JIT setting under its mapper key or its REST name: the page may not hold one (the console adds other keys of its own). */
    private static final List<String> SETTINGS = JitConfigProperties.SETTINGS.stream()
            .flatMap(setting -> Stream.of(setting.key(), setting.name())).toList();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IdpSetupRequest request;

    SetupPage(KeycloakSession session, RealmModel realm, ComponentModel model) {
        this.session = session;
        this.realm = realm;
        this.request = IdpSetupRequest.fromForm(model.getConfig());
    }

    /** Before Keycloak stores the page: everything checked, nothing written. */
    void validate(ComponentModel model) {
        ConsoleAdmin.of(session, realm).ifPresent(ConsoleAdmin::requireManageIdentityProviders);
        List<String> others = model.getConfig().keySet().stream().filter(SETTINGS::contains).sorted().toList();
        if (!others.isEmpty()) {
            throw ConsoleRefusal.of(ProblemCode.UNKNOWN_FIELD + ": the page holds the alias and the metadata file only; " + others + " are JIT "
                    + "settings, which live on the identity provider's JIT provisioning mapper (or PUT /identity-providers/{alias}).");
        }
        IdentityProviderModel existing = existing();
        if (existing != null && setupOf(request.alias()).filter(stored -> !stored.getId().equals(model.getId())).isPresent()) {
            throw ConsoleRefusal.of("Another setup already manages the identity provider '" + request.alias() + "'.");
        }
        try {
            if (existing == null) {
                new IdpSetup(session, realm, KeycloakClock.get()).check(request);
            } else {
                IdpSetup.requireSaml(existing);
            }
        } catch (SetupRejected rejected) {
            throw ConsoleRefusal.of(describe(rejected));
        }
    }

    /** After Keycloak stored the page: sets up or updates the identity provider, in the same transaction. */
    void apply() {
        Optional<ConsoleAdmin> admin = ConsoleAdmin.of(session, realm).map(ConsoleAdmin::requireManageIdentityProviders);
        IdpSetup setup = new IdpSetup(session, realm, KeycloakClock.get());
        IdentityProviderModel existing = existing();
        try {
            IdpSetup.Outcome outcome = existing == null ? setup.create(request) : setup.update(existing, request);
            OperationType operation = existing == null ? OperationType.CREATE : OperationType.UPDATE;
            admin.ifPresent(who -> SetupEvents.record(session, realm, who.adminEvent(), outcome, operation));
            // The page shows refusals only; its warnings (e.g. NAME_ID_FORMAT_NOT_OFFERED) would otherwise go unseen.
            outcome.warnings().forEach(warning -> LOG.warnf("Realm %s: identity provider %s saved from the setup page with warning %s: %s",
                    realm.getName(), outcome.idp().getAlias(), warning.code(), warning.message()));
        } catch (SetupRejected rejected) {
            throw ConsoleRefusal.of(describe(rejected));
        }
    }

    private IdentityProviderModel existing() {
        return request.alias() == null ? null : session.identityProviders().getByAlias(request.alias());
    }

    private Optional<ComponentModel> setupOf(String alias) {
        return entries(realm).filter(component -> alias.equals(component.get(IdpSetupRequest.ALIAS))).findFirst();
    }

    /** Whether a saved entry holds the same upload as before: saving it again then changes nothing. */
    static boolean sameUpload(ComponentModel before, ComponentModel after) {
        return FIELDS.stream().allMatch(field -> Objects.equals(before.getConfig().get(field), after.getConfig().get(field)));
    }

    /** Removes the entry of an identity provider that was deleted, whatever deleted it. */
    static void forgetDeleted(ProviderEvent event) {
        if (event instanceof RealmModel.IdentityProviderRemovedEvent removed) {
            RealmModel realm = removed.getRealm();
            String alias = removed.getRemovedIdentityProvider().getAlias();
            entries(realm).filter(component -> alias.equals(component.get(IdpSetupRequest.ALIAS))).toList()
                    .forEach(realm::removeComponent);
        }
    }

    private static Stream<ComponentModel> entries(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(component -> JitSetupPageFactory.PROVIDER_ID.equals(component.getProviderId()));
    }

    private static String describe(SetupRejected rejected) {
        List<String> lines = new ArrayList<>();
        rejected.errors().forEach(problem -> lines.add(problem.code() + ": " + problem.message()));
        return String.join(" ", lines);
    }
}
