package io.jitprovisioning.provenance;

/**
 * The identity an account was created for by the JIT step. It lets a sign-in recognise the account a concurrent
 * sign-in of the same person is finishing, recover one whose creation a crashed node left unlinked, and keep everyone
 * else away from an account whose first sign-in has not finished.
 *
 * @param linked whether that identity was linked to the account when Keycloak finished its first sign-in
 */
public record Provisioning(String idpAlias, String brokerUserId, boolean linked) {

    /** A record of an account just created, not linked yet. */
    public Provisioning(String idpAlias, String brokerUserId) {
        this(idpAlias, brokerUserId, false);
    }

    public boolean isFor(String alias, String brokeredUserId) {
        return idpAlias.equals(alias) && brokerUserId.equals(brokeredUserId);
    }
}
