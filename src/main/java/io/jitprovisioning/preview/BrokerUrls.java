package io.jitprovisioning.preview;

import java.net.URI;

import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.urls.UrlType;

/**
 * Where the identity provider must address its responses, as Keycloak's SAML endpoint works them out, from the
 * realm's frontend URL (a preview runs in an admin request, possibly on another hostname).
 *
 * @param endpoint the broker's assertion consumer URL, {@code {realm}/broker/{alias}/endpoint}
 * @param entityId the broker's SAML entity ID: the identity provider's Service provider entity ID, or the realm's URL
 */
record BrokerUrls(String endpoint, String entityId) {

    static BrokerUrls of(KeycloakSession session, RealmModel realm, SAMLIdentityProviderConfig config) {
        URI base = session.getContext().getUri(UrlType.FRONTEND).getBaseUri();
        String endpoint = Urls.identityProviderAuthnResponse(base, config.getAlias(), realm.getName()).toString();
        String configured = config.getEntityId();
        String entityId = configured == null || configured.isEmpty()
                ? UriBuilder.fromUri(base).path("realms").path(realm.getName()).build().toString() : configured;
        return new BrokerUrls(endpoint, entityId);
    }
}
