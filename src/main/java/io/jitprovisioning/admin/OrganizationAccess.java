package io.jitprovisioning.admin;

import java.util.Optional;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import io.jitprovisioning.compat.OrganizationAdminPermissions;
import io.jitprovisioning.delegation.Delegations;
import io.jitprovisioning.organization.OrganizationDomains;

/**
 * Who may act on an organization's SSO through a realm's token: the realm administrator (manage identity providers);
 * a member of the organization a realm administrator designated as its SSO administrator; on Keycloak 26.7, whoever
 * Keycloak lets manage that organization. Anyone else gets 404 for the organization, the same as for one that does
 * not exist, so that nothing tells them which organizations there are.
 */
final class OrganizationAccess {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    OrganizationAccess(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    boolean isRealmAdmin() {
        return auth.realm().canManageIdentityProviders();
    }

    /** For the realm administrator's routes: 403 for anyone else, before anything is looked up. */
    void requireRealmAdmin() {
        if (!isRealmAdmin()) {
            throw new ForbiddenException();
        }
    }

    /** The organization, for a caller who may act on its SSO; 404 otherwise, and when there is no such organization. */
    OrganizationModel organization(String organizationId) {
        OrganizationModel organization = find(session, organizationId).orElseThrow(NotFoundException::new);
        if (!isRealmAdmin() && !isSsoAdministrator(organization)
                && !OrganizationAdminPermissions.canManage(auth, organization)) {
            throw new NotFoundException();
        }
        return organization;
    }

    /** The organization, for the realm administrator's routes (403 for anyone else, then 404 if there is none). */
    OrganizationModel organizationForRealmAdmin(String organizationId) {
        requireRealmAdmin();
        return find(session, organizationId).orElseThrow(NotFoundException::new);
    }

    OrganizationActor actor() {
        return OrganizationActor.user(auth.adminAuth().getUser().getId(), auth.adminAuth().getClient(), isRealmAdmin());
    }

    /** A designated SSO administrator counts only while a member: leaving the organization ends the right at once. */
    private boolean isSsoAdministrator(OrganizationModel organization) {
        UserModel user = auth.adminAuth().getUser();
        if (user == null || !auth.adminAuth().getRealm().getId().equals(realm.getId())) {
            return false;
        }
        return Delegations.of(session, realm.getId()).isAdministrator(organization.getId(), user.getId())
                && session.getProvider(OrganizationProvider.class).isMember(organization, user);
    }

    /** The organization with this id, when the realm has organizations on. */
    static Optional<OrganizationModel> find(KeycloakSession session, String organizationId) {
        return OrganizationDomains.provider(session).flatMap(organizations -> Optional.ofNullable(organizationId)
                .map(organizations::getById));
    }
}
