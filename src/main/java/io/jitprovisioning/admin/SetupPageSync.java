package io.jitprovisioning.admin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Keeps the setup page's entries true: every admin change of an identity provider or of its mappers (the REST API,
 * the console's identity provider and mapper pages) is followed, in the same transaction, by rewriting that identity
 * provider's entry. Keycloak tells extensions of such changes only through admin events.
 */
final class SetupPageSync implements EventListenerProvider {

    private static final Pattern IDENTITY_PROVIDER_PATH = Pattern.compile("^/?identity-provider/instances/([^/]+)(/.*)?$");

    private final KeycloakSession session;

    SetupPageSync(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        ResourceType type = event.getResourceType();
        if (type != ResourceType.IDENTITY_PROVIDER && type != ResourceType.IDENTITY_PROVIDER_MAPPER || event.getResourcePath() == null
                || event.getOperationType() == OperationType.ACTION) {
            return; // an ACTION (a preview) changes nothing
        }
        Matcher path = IDENTITY_PROVIDER_PATH.matcher(event.getResourcePath());
        RealmModel realm = session.getContext().getRealm();
        if (!path.matches() || realm == null || !realm.getId().equals(event.getRealmId())) {
            return;
        }
        String alias = path.group(1);
        if (type == ResourceType.IDENTITY_PROVIDER && event.getOperationType() == OperationType.DELETE) {
            SetupPageEntries.forget(realm, alias);
        } else {
            SetupPageEntries.mirror(session, realm, alias, null, null);
        }
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void close() {
    }
}
