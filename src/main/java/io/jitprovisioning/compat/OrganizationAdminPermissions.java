package io.jitprovisioning.compat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.jboss.logging.Logger;
import org.keycloak.models.OrganizationModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Keycloak 26.7's delegated organization administration: whether the caller may manage one organization
 * ({@code AdminPermissionEvaluator.orgs().canManage(organization)}: manage-realm or manage-organizations, or a
 * fine-grained admin permission (v2) on that organization). Earlier releases have no {@code orgs()}; there the answer
 * is no, and the extension's own designation of SSO administrators is the only way.
 */
public final class OrganizationAdminPermissions {

    private static final Logger LOG = Logger.getLogger(OrganizationAdminPermissions.class);

    private OrganizationAdminPermissions() {
    }

    public static boolean canManage(AdminPermissionEvaluator auth, OrganizationModel organization) {
        Method orgs;
        try {
            orgs = AdminPermissionEvaluator.class.getMethod("orgs");
        } catch (NoSuchMethodException before267) {
            return false;
        }
        try {
            Object evaluator = orgs.invoke(auth);
            Method canManage = orgs.getReturnType().getMethod("canManage", OrganizationModel.class);
            return Boolean.TRUE.equals(canManage.invoke(evaluator, organization));
        } catch (InvocationTargetException refused) {
            LOG.debugf(refused.getCause(), "Keycloak's organization permission check failed; taken as no permission");
            return false;
        } catch (ReflectiveOperationException unexpected) {
            LOG.debugf(unexpected, "Keycloak's organization permission check is not as in 26.7; taken as no permission");
            return false;
        }
    }
}
