package io.jitprovisioning.admin;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Hands Keycloak the JIT admin resource, with the permission evaluator and admin-event builder Keycloak prepared. */
final class JitAdminResourceProvider implements AdminRealmResourceProvider {

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new JitAdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public void close() {
    }
}
