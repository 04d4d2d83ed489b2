package io.jitprovisioning.provenance;

/**
 * The identity an account was created for by the JIT step. It lets a sign-in recognise the account a concurrent
 * sign-in of the same person is finishing, and recover one whose creation a crashed node left unlinked.
 */
public record Provisioning(String idpAlias, String brokerUserId) {

    public boolean isFor(String alias, String brokeredUserId) {
        return idpAlias.equals(alias) && brokerUserId.equals(brokeredUserId);
    }
}
