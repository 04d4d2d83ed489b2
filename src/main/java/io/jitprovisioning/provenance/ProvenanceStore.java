package io.jitprovisioning.provenance;

import java.util.Optional;
import java.util.Set;

/**
 * Where the extension keeps what it granted and which identity it created an account for. It lives in tables of
 * the extension's own, out of reach of the user, the account console and API, and user-attribute settings.
 */
public interface ProvenanceStore {

    Grants grantsOf(String userId);

    /** Replaces what one identity provider granted of one kind to the account. */
    void replace(String realmId, String userId, String idpAlias, GrantKind kind, Set<String> targetIds);

    /** Forgets a role or group for every identity provider: an administrator's hand now owns it. */
    void forget(String userId, GrantKind kind, String targetId);

    Optional<Provisioning> provisioningOf(String userId);

    void recordProvisioning(String realmId, String userId, Provisioning provisioning);

    /** Notes that the identity the account was created for has been linked to it: its first sign-in finished. */
    void markLinked(String userId);

    Optional<PendingLink> pendingLinkOf(String userId);

    /**
     * Hands the account to one identity until its first sign-in finishes, replacing a reservation that may be
     * replaced (the caller checked it: its own, or one that can no longer finish). False when a concurrent sign-in
     * reserved the account first: then nothing may be written.
     */
    boolean reserveLink(String realmId, String userId, PendingLink link);

    /** The first sign-in finished (or can no longer): the account is no longer reserved. */
    void clearPendingLink(String userId);
}
