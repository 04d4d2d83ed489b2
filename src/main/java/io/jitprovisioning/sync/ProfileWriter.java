package io.jitprovisioning.sync;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.events.Changes;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.profile.UserAttributes;

/** Writes decided profile fields: only what differs, and never an email that belongs to another account. */
final class ProfileWriter {

    private final KeycloakSession session;
    private final RealmModel realm;

    ProfileWriter(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    void apply(UserModel user, ProfileValues profile, boolean emailVerified, Changes changes) {
        profile.rejected().forEach(target -> changes.profileRejected(target.name()));
        profile.firstName().ifPresent(value -> update(user::getFirstName, user::setFirstName, value, UserModel.FIRST_NAME, changes));
        profile.lastName().ifPresent(value -> update(user::getLastName, user::setLastName, value, UserModel.LAST_NAME, changes));
        profile.email().ifPresent(value -> updateEmail(user, value, emailVerified, changes));
        profile.displayName().ifPresent(value -> updateAttribute(user, UserAttributes.DISPLAY_NAME, value, changes));
        profile.phoneNumber().ifPresent(value -> updateAttribute(user, UserAttributes.PHONE_NUMBER, value, changes));
    }

    private void updateEmail(UserModel user, String email, boolean verified, Changes changes) {
        if (email.equalsIgnoreCase(Objects.toString(user.getEmail(), ""))) {
            return;
        }
        if (!realm.isDuplicateEmailsAllowed() && belongsToSomeoneElse(user, email)) {
            changes.profileRejected(AttributeTarget.USER_EMAIL.name());
            return;
        }
        user.setEmail(email);
        user.setEmailVerified(verified);
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

    private static void updateAttribute(UserModel user, String name, String value, Changes changes) {
        if (!value.equals(user.getFirstAttribute(name))) {
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
