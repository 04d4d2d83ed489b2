package io.jitprovisioning.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;


/**
 * What saving the console's setup page does: the checks and writes of {@code POST} or {@code PUT /identity-providers},
 * with the same permission (manage identity providers) and the same admin events. Keycloak stores the page itself as
 * a component of the realm; a refusal is a {@link ComponentValidationException}, and then nothing is written.
 */
final class SetupPage {

    private static final Logger LOG = Logger.getLogger(SetupPage.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IdpSetupRequest request;

    SetupPage(KeycloakSession session, RealmModel realm, ComponentModel model) {
        this.session = session;
        this.realm = realm;
        this.request = IdpSetupRequest.fromForm(model.getConfig(), new RealmSettingsCatalog(session, realm));
    }

    /** Before Keycloak stores the page: everything checked, nothing written. */
    void validate(ComponentModel model) {
        ConsoleAdmin.of(session, realm).ifPresent(ConsoleAdmin::requireManageIdentityProviders);
        IdentityProviderModel existing = existing();
        if (existing != null && setupOf(request.alias()).filter(stored -> !stored.getId().equals(model.getId())).isPresent()) {
            throw ConsoleRefusal.of("Another setup already manages the identity provider '" + request.alias() + "'.");
        }
        try {
            if (existing == null) {
                new IdpSetup(session, realm, Clock.systemUTC()).check(request);
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
        IdpSetup setup = new IdpSetup(session, realm, Clock.systemUTC());
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
        return SetupPageEntries.find(realm, alias);
    }

    private static String describe(SetupRejected rejected) {
        List<String> lines = new ArrayList<>();
        rejected.errors().forEach(problem -> lines.add(problem.code() + ": " + problem.message()));
        return String.join(" ", lines);
    }
}
