package io.jitprovisioning.admin;

import org.keycloak.models.ClientModel;

/**
 * Who acts on an organization's SSO, as its admin events name them.
 *
 * @param id          a user id, or {@code setup-link:<link id>}
 * @param client      the client the caller's token was issued to; null for a setup link
 * @param realmAdmin  whether the caller may manage the realm's identity providers (the realm administrator)
 * @param linkId      the setup link used, or null
 */
record OrganizationActor(String id, ClientModel client, boolean realmAdmin, String linkId) {

    static OrganizationActor user(String userId, ClientModel client, boolean realmAdmin) {
        return new OrganizationActor(userId, client, realmAdmin, null);
    }

    static OrganizationActor link(String linkId) {
        return new OrganizationActor("setup-link:" + linkId, null, false, linkId);
    }

    boolean viaLink() {
        return linkId != null;
    }
}
