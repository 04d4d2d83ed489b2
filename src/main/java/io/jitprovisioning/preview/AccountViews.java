package io.jitprovisioning.preview;

import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.UserPermissionEvaluator;

/** What the one asking for a preview may see of the realm's accounts. */
public interface AccountViews {

    /** Whether they may view users realm-wide: only then does the answer depend on existing accounts. */
    boolean anyAccount();

    /** Whether they may see this account's id and username in the answer. */
    boolean account(UserModel user);

    /** A realm administrator: as Keycloak's permissions say. */
    static AccountViews of(UserPermissionEvaluator users) {
        return new AccountViews() {
            @Override
            public boolean anyAccount() {
                return users.canView();
            }

            @Override
            public boolean account(UserModel user) {
                return users.canView(user);
            }
        };
    }

    /** An organization's SSO administrator or a setup link's holder: no account of the realm. */
    static AccountViews none() {
        return new AccountViews() {
            @Override
            public boolean anyAccount() {
                return false;
            }

            @Override
            public boolean account(UserModel user) {
                return false;
            }
        };
    }
}
