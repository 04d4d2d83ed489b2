package io.jitprovisioning.provenance;

import org.keycloak.models.UserModel;

/**
 * Which identity-provider identity an account was created for. It lets a retried first login recognise the account
 * made for it a moment earlier (a concurrent sign-in of the same person) instead of treating it as someone else's.
 * Read-only for everyone in the user profile, like {@link ManagedRoles}.
 */
public final class ProvisionedBy {

    public static final String ATTRIBUTE = "jit.provisioned.by";

    private ProvisionedBy() {
    }

    public static void mark(UserModel user, String idpAlias, String brokeredUserId) {
        user.setSingleAttribute(ATTRIBUTE, key(idpAlias, brokeredUserId));
    }

    public static boolean isFor(UserModel user, String idpAlias, String brokeredUserId) {
        return key(idpAlias, brokeredUserId).equals(user.getFirstAttribute(ATTRIBUTE));
    }

    private static String key(String idpAlias, String brokeredUserId) {
        return idpAlias + ":" + brokeredUserId;
    }
}
