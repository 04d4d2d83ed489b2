package io.jitprovisioning.provenance;

/** What an identity provider granted through the extension. */
public enum GrantKind {
    ROLE,
    GROUP
}
