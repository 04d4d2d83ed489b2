package io.jitprovisioning.sync;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.events.Changes;
import io.jitprovisioning.identity.Identifiers;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.profile.UserAttributes;

/**
 * Writes decided profile fields: only what differs, and never an email that belongs to another account. The account is
 * null for one a preview would create: it has no values yet.
 */
final class ProfileWriter {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AccountWrites writes;

    ProfileWriter(KeycloakSession session, RealmModel realm, AccountWrites writes) {
        this.session = session;
        this.realm = realm;
        this.writes = writes;
    }

    void apply(UserModel user, ProfileValues profile, boolean emailVerified, Changes changes) {
        profile.rejected().forEach(target -> changes.profileRejected(target.name()));
        profile.firstName().ifPresent(value -> update(user == null ? null : user.getFirstName(), value, UserModel.FIRST_NAME,
                () -> writes.setFirstName(user, value), changes));
        profile.lastName().ifPresent(value -> update(user == null ? null : user.getLastName(), value, UserModel.LAST_NAME,
                () -> writes.setLastName(user, value), changes));
        profile.email().ifPresent(value -> updateEmail(user, value, emailVerified, changes));
        profile.displayName().ifPresent(value -> updateAttribute(user, UserAttributes.DISPLAY_NAME, value, changes));
        profile.phoneNumber().ifPresent(value -> updateAttribute(user, UserAttributes.PHONE_NUMBER, value, changes));
    }

    private void updateEmail(UserModel user, String email, boolean verified, Changes changes) {
        if (user != null && Identifiers.sameEmail(email, user.getEmail())) {
            return;
        }
        if (!realm.isDuplicateEmailsAllowed() && belongsToSomeoneElse(user, email)) {
            changes.profileRejected(AttributeTarget.USER_EMAIL.name());
            return;
        }
        writes.setEmail(user, email, verified);
        changes.profileUpdated(UserModel.EMAIL);
    }

    private boolean belongsToSomeoneElse(UserModel user, String email) {
        try {
            UserModel owner = session.users().getUserByEmail(realm, email);
            return owner != null && (user == null || !owner.getId().equals(user.getId()));
        } catch (ModelDuplicateException several) {
            return true;
        }
    }

    private void updateAttribute(UserModel user, String name, String value, Changes changes) {
        update(user == null ? null : user.getFirstAttribute(name), value, name, () -> writes.setAttribute(user, name, value), changes);
    }

    private void update(String current, String value, String field, Runnable setter, Changes changes) {
        if (!value.equals(current)) {
            setter.run();
            changes.profileUpdated(field);
        }
    }
}
