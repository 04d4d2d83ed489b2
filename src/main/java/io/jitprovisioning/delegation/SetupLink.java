package io.jitprovisioning.delegation;

/**
 * A setup link of one organization, as stored: never its secret, which only its creator saw once.
 *
 * @param createdBy who made it: a user id, or {@code setup-link:<id>}
 * @param revokedAt when it was revoked (epoch millis), null while it is not
 */
public record SetupLink(String id, String organizationId, long createdAt, long expiresAt, String createdBy, Long revokedAt) {

    public enum Status { ACTIVE, EXPIRED, REVOKED }

    public Status status(long now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now >= expiresAt ? Status.EXPIRED : Status.ACTIVE;
    }
}
