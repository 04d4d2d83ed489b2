package io.jitprovisioning.provenance;

/**
 * An existing account the JIT step has handed to an identity whose first sign-in Keycloak has not finished yet
 * (it adds the link in a later request). Until then, or until the sign-in can no longer finish, no other identity is
 * handed the same account.
 *
 * @param createdAtMillis when the JIT step decided
 */
public record PendingLink(String idpAlias, String brokerUserId, long createdAtMillis) {

    public boolean isFor(String alias, String brokeredUserId) {
        return idpAlias.equals(alias) && brokerUserId.equals(brokeredUserId);
    }
}
