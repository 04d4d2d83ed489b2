package io.jitprovisioning.admin;

import java.util.ArrayList;
import java.util.Optional;

import org.keycloak.component.ComponentModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.preview.PreviewInput;
import io.jitprovisioning.preview.PreviewReport;
import io.jitprovisioning.preview.PreviewText;

/**
 * What saving the console's preview page does, before Keycloak stores the entry: the preview of
 * {@code POST /identity-providers/{alias}/preview}, with the same permissions (view identity providers; view users for
 * the part that depends on accounts) and the same admin event; its result goes into the entry's fields, and the pasted input is taken out of it.
 */
final class PreviewPage {

    private final KeycloakSession session;
    private final RealmModel realm;

    PreviewPage(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    void run(ComponentModel entry) {
        String pasted = entry.get(JitPreviewPageFactory.INPUT);
        entry.getConfig().remove(JitPreviewPageFactory.INPUT);
        Optional<ConsoleAdmin> admin = ConsoleAdmin.of(session, realm).map(ConsoleAdmin::requireViewIdentityProviders);
        if (admin.isEmpty() || (pasted == null || pasted.isBlank()) && entry.get(JitPreviewPageFactory.DECISION) != null) {
            return; // a realm import, or an entry saved again without new input: its result stands
        }
        String alias = entry.get(JitPreviewPageFactory.ALIAS);
        IdentityProviderModel idp = alias == null ? null : session.identityProviders().getByAlias(alias.strip());
        if (idp == null) {
            throw ConsoleRefusal.of("No identity provider with the alias '" + alias + "'.");
        }
        PreviewReport report;
        try {
            IdpSetup.requireSaml(idp);
            report = PreviewEvents.run(session, realm, idp, PreviewInput.fromText(pasted), admin.get().users(), admin.get().adminEvent());
        } catch (SetupRejected rejected) {
            throw ConsoleRefusal.of(rejected.errors().get(0).code() + ": " + rejected.errors().get(0).message());
        } catch (PreviewInput.Invalid invalid) {
            throw ConsoleRefusal.of(invalid.code() + ": " + invalid.getMessage());
        }
        var config = entry.getConfig();
        config.putSingle(JitPreviewPageFactory.ALIAS, idp.getAlias());
        config.putSingle(JitPreviewPageFactory.DECISION, PreviewText.decision(report));
        config.putSingle(JitPreviewPageFactory.ACCOUNT, PreviewText.account(report));
        config.putSingle(JitPreviewPageFactory.ROLES, PreviewText.memberships(report.roles()));
        config.putSingle(JitPreviewPageFactory.GROUPS, PreviewText.memberships(report.groups()));
        config.putSingle(JitPreviewPageFactory.PROFILE, PreviewText.profile(report));
        config.putSingle(JitPreviewPageFactory.ORGANIZATION, PreviewText.organization(report));
        config.putSingle(JitPreviewPageFactory.CHECKS, PreviewText.checks(report));
        JitPreviewPageFactory.CHECK_NAMES.forEach(name -> config.remove(JitPreviewPageFactory.checkKey(name)));
        report.checks().forEach(check -> config.putSingle(JitPreviewPageFactory.checkKey(check.check()), PreviewText.check(check)));
        config.put(JitPreviewPageFactory.PROBLEMS, new ArrayList<>(PreviewText.settingsProblems(report)));
    }
}
