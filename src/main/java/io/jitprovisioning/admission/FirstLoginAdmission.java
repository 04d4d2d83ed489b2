package io.jitprovisioning.admission;

import java.util.Optional;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.sync.LoginSync;

/**
 * Decides the first login of an identity that no account is linked to yet: create, link, or refuse. It only reads,
 * so the mapper can ask before the first-broker-login flow starts and the JIT step can ask again when it writes.
 */
public final class FirstLoginAdmission {

    private FirstLoginAdmission() {
    }

    public static Admission decide(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context, LoginSync sync,
                                   Optional<OrganizationMembership> organization) {
        Optional<JitError> roleRefusal = sync.refusal();
        if (roleRefusal.isPresent()) {
            return new Admission.Refuse(roleRefusal.get());
        }
        String email = sync.newAccountProfile().email().orElse(null);
        String username = usernameFor(realm, context, email);
        Optional<ExistingAccount> existing = ExistingAccount.find(session, realm, email, username);
        if (existing.isEmpty()) {
            boolean creatable = sync.settings().jitEnabled() && username != null && !username.isBlank();
            return creatable ? new Admission.Create(username) : new Admission.Refuse(JitError.NOT_PROVISIONED);
        }
        return linkRefusal(session, realm, existing.get(), sync, context, organization)
                .<Admission>map(Admission.Refuse::new)
                .orElseGet(() -> new Admission.Link(existing.get().user()));
    }

    /**
     * The username Keycloak gives the account, as IdentityBrokerService derives it (the mapper runs before Keycloak
     * has set it on the context).
     */
    static String usernameFor(RealmModel realm, BrokeredIdentityContext context, String email) {
        String username = context.getModelUsername();
        if (username == null && realm.isRegistrationEmailAsUsername() && email != null) {
            username = email;
        }
        if (username == null) {
            username = context.getUsername() != null ? context.getUsername() : context.getIdpConfig().getAlias() + "." + context.getId();
        }
        return username.trim();
    }

    private static Optional<JitError> linkRefusal(KeycloakSession session, RealmModel realm, ExistingAccount account,
                                                  LoginSync sync, BrokeredIdentityContext context,
                                                  Optional<OrganizationMembership> organization) {
        if (account.isAmbiguous()) {
            return Optional.of(JitError.ACCOUNT_EXISTS_UNTRUSTED);
        }
        UserModel user = account.user();
        if (!user.isEnabled()) {
            return Optional.of(JitError.ACCOUNT_DISABLED);
        }
        FederatedIdentityModel link = session.users().getFederatedIdentity(realm, user, sync.idpAlias());
        if (link != null) {
            // The same identity linked a moment ago by a concurrent sign-in: signing in again simply works.
            return Optional.of(context.getId().equals(link.getUserId()) ? JitError.TRY_AGAIN : JitError.ACCOUNT_EXISTS_UNTRUSTED);
        }
        if (LinkTrust.holdsAdminRole(user)) {
            return Optional.of(JitError.ACCOUNT_EXISTS_UNTRUSTED);
        }
        if (LinkTrust.isBeingProvisioned(user, context.getIdpConfig().getAlias(), context.getId(), Time.currentTimeMillis())) {
            // A concurrent sign-in of this identity created the account a moment ago and is about to link it.
            return Optional.of(JitError.TRY_AGAIN);
        }
        boolean trusted = !sync.settings().jitEnabled()
                || LinkTrust.vouchedFor(account, context.getIdpConfig(), context.getId(), organization);
        return trusted ? Optional.empty() : Optional.of(JitError.ACCOUNT_EXISTS_UNTRUSTED);
    }
}
