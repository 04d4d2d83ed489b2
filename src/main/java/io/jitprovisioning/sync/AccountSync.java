package io.jitprovisioning.sync;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.provenance.ManagedRoles;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.roles.RoleRef;
import io.jitprovisioning.userprofile.ProfileDeclarations;

/**
 * Applies a decision to an account: writes only what differs, grants and revokes only through the provenance
 * set, and never touches roles granted some other way.
 */
public final class AccountSync {

    public static final String DISPLAY_NAME = "displayName";
    public static final String PHONE_NUMBER = "phoneNumber";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final boolean trustEmail;

    public AccountSync(KeycloakSession session, RealmModel realm, boolean trustEmail) {
        this.session = session;
        this.realm = realm;
        this.trustEmail = trustEmail;
    }

    public void applyProfile(UserModel user, ProfileValues profile, Changes changes) {
        profile.rejected().forEach(changes::profileRejected);
        profile.firstName().ifPresent(value -> update(user::getFirstName, user::setFirstName, value, UserModel.FIRST_NAME, changes));
        profile.lastName().ifPresent(value -> update(user::getLastName, user::setLastName, value, UserModel.LAST_NAME, changes));
        profile.email().ifPresent(value -> updateEmail(user, value, changes));
        profile.displayName().ifPresent(value -> updateAttribute(user, DISPLAY_NAME, value, changes));
        profile.phoneNumber().ifPresent(value -> updateAttribute(user, PHONE_NUMBER, value, changes));
    }

    public void applyRoles(UserModel user, RoleDecision decision, Changes changes) {
        changes.refused(decision.refused());
        if (decision.outcome() != RoleDecision.Outcome.APPLY) {
            return;
        }
        Set<String> managed = ManagedRoles.read(user);
        Set<String> updated = new LinkedHashSet<>(managed);
        Set<String> wantedIds = new LinkedHashSet<>();
        for (RoleRef wanted : decision.wanted()) {
            wantedIds.add(wanted.id());
            RoleModel role = realm.getRoleById(wanted.id());
            if (role != null && !user.hasDirectRole(role)) {
                user.grantRole(role);
                updated.add(role.getId());
                changes.granted(wanted.qualifiedName());
            }
        }
        for (String id : managed) {
            if (wantedIds.contains(id)) {
                continue;
            }
            updated.remove(id);
            RoleModel role = realm.getRoleById(id);
            if (role != null && user.hasDirectRole(role)) {
                user.deleteRoleMapping(role);
                changes.revoked(RealmRoleDirectory.toRef(role).qualifiedName());
            }
        }
        if (!updated.equals(managed)) {
            ProfileDeclarations.ensureDeclared(session, realm);
            ManagedRoles.write(user, updated);
        }
    }

    private void updateEmail(UserModel user, String email, Changes changes) {
        if (email.equalsIgnoreCase(Objects.toString(user.getEmail(), ""))) {
            return;
        }
        if (!realm.isDuplicateEmailsAllowed() && belongsToSomeoneElse(user, email)) {
            changes.profileRejected(AttributeTarget.USER_EMAIL);
            return;
        }
        user.setEmail(email);
        user.setEmailVerified(trustEmail);
        changes.profileUpdated(UserModel.EMAIL);
    }

    private boolean belongsToSomeoneElse(UserModel user, String email) {
        try {
            UserModel owner = session.users().getUserByEmail(realm, email);
            return owner != null && !owner.getId().equals(user.getId());
        } catch (ModelDuplicateException several) {
            return true;
        }
    }

    private void updateAttribute(UserModel user, String name, String value, Changes changes) {
        if (!value.equals(user.getFirstAttribute(name))) {
            ProfileDeclarations.ensureDeclared(session, realm);
            user.setSingleAttribute(name, value);
            changes.profileUpdated(name);
        }
    }

    private static void update(Supplier<String> current, Consumer<String> setter, String value, String field, Changes changes) {
        if (!value.equals(current.get())) {
            setter.accept(value);
            changes.profileUpdated(field);
        }
    }
}
