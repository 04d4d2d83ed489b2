package io.jitprovisioning.login;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.RealmModel;

/**
 * Who is signing in, as Keycloak's broker saw them before the extension changed anything.
 *
 * @param brokerUserId  their identity at the identity provider (the SAML NameID, or the principal attribute)
 * @param username      the username the broker proposes
 * @param modelUsername the username a mapper chose for the account, if any
 * @param nameIdEmail   the email Keycloak read from an email-format NameID, if any
 */
record BrokeredIdentity(String brokerUserId, String username, String modelUsername, String nameIdEmail) {

    static BrokeredIdentity of(BrokeredIdentityContext context) {
        return new BrokeredIdentity(context.getId(), context.getUsername(), context.getModelUsername(), context.getEmail());
    }

    /**
     * The username Keycloak gives a new account, as IdentityBrokerService derives it (the mapper runs before Keycloak
     * has set it on the context).
     */
    String username(RealmModel realm, String idpAlias, String email) {
        String name = modelUsername;
        if (name == null && realm.isRegistrationEmailAsUsername() && email != null) {
            name = email;
        }
        if (name == null) {
            name = username != null ? username : idpAlias + "." + brokerUserId;
        }
        return name.trim();
    }
}
