package io.jitprovisioning.admin;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ui.extend.UiPageProvider;

import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitMappers;

/**
 * The setup page's entries: one stored component per identity provider set up on the page. The console's list and
 * form show an entry's stored fields, while the live settings are the identity provider's and its JIT mapper's. So
 * when those change anywhere else (the REST API, the mapper's or the identity provider's own pages), the entry is
 * rewritten to match: the list stays true, and saving the entry again applies what the page shows.
 */
final class SetupPageEntries {

    private static final Logger LOG = Logger.getLogger(SetupPageEntries.class);

    /** Set while an entry is rewritten to match its identity provider: that update is not applied back to it. */
    private static final String MIRRORING = SetupPageEntries.class.getName() + ".mirroring";

    private SetupPageEntries() {
    }

    static Optional<ComponentModel> find(RealmModel realm, String alias) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(component -> ProviderIds.ADMIN.equals(component.getProviderId()))
                .filter(component -> alias.equals(component.get(IdpSetupRequest.ALIAS)))
                .findFirst();
    }

    /**
     * Rewrites the entry of {@code alias}, if the page set that identity provider up, with its display name and its JIT
     * mapper's settings, and with {@code metadata} when a new file was applied elsewhere (null: the entry's file stays).
     */
    static void mirror(KeycloakSession session, RealmModel realm, String alias, String metadata, String entityId) {
        IdentityProviderModel idp = session.identityProviders().getByAlias(alias);
        Optional<ComponentModel> found = find(realm, alias);
        if (idp == null || found.isEmpty()) {
            return;
        }
        ComponentModel entry = found.get();
        MultivaluedHashMap<String, String> before = new MultivaluedHashMap<>(entry.getConfig());
        put(entry, IdpSetupRequest.DISPLAY_NAME, idp.getDisplayName());
        if (metadata != null) {
            put(entry, IdpSetupRequest.METADATA, metadata);
            put(entry, IdpSetupRequest.ENTITY_ID, entityId);
        }
        Optional<IdentityProviderMapperModel> mapper = JitMappers.find(session, alias);
        mapper.ifPresent(jit -> JitConfigProperties.SETTINGS.forEach(setting -> {
            // An entry written through the components API may hold the mapper's dotted key: the page's name replaces it.
            entry.getConfig().remove(setting.key());
            put(entry, setting.name(), jit.getConfig().get(setting.key()));
        }));
        if (entry.getConfig().equals(before)) {
            return;
        }
        session.setAttribute(MIRRORING, Boolean.TRUE);
        try {
            realm.updateComponent(entry);
        } catch (ComponentValidationException unusable) {
            // Settings the page cannot hold (e.g. a mapping target typed by hand on the mapper): the entry stays as it was.
            LOG.warnf("Realm %s: the setup page's entry of identity provider %s was left as it was: %s", realm.getName(), alias,
                    unusable.getMessage());
        } finally {
            session.removeAttribute(MIRRORING);
        }
    }

    /** The entry of a deleted identity provider is deleted with it: the list shows identity providers that exist. */
    static void forget(RealmModel realm, String alias) {
        find(realm, alias).ifPresent(realm::removeComponent);
    }

    static boolean isMirroring(KeycloakSession session) {
        return session.getAttribute(MIRRORING) != null;
    }

    private static void put(ComponentModel entry, String key, String value) {
        if (value == null || value.isEmpty()) {
            entry.getConfig().remove(key);
        } else {
            entry.getConfig().putSingle(key, value);
        }
    }
}
