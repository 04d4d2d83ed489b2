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
 * Writes decided profile fields: only what differs, and never an email that belongs to another account. A dry run
 * reports the same changes and writes nothing; its account may be null (one not created yet, with no values).
 */
final class ProfileWriter {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final boolean dryRun;

    ProfileWriter(KeycloakSession session, RealmModel realm, boolean dryRun) {
        this.session = session;
        this.realm = realm;
        this.dryRun = dryRun;
    }

    void apply(UserModel user, ProfileValues profile, boolean emailVerified, Changes changes) {
        profile.rejected().forEach(target -> changes.profileRejected(target.name()));
        profile.firstName().ifPresent(value -> update(user == null ? null : user.getFirstName(), value, UserModel.FIRST_NAME,
                () -> user.setFirstName(value), changes));
        profile.lastName().ifPresent(value -> update(user == null ? null : user.getLastName(), value, UserModel.LAST_NAME,
                () -> user.setLastName(value), changes));
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
        write(() -> {
            user.setEmail(email);
            user.setEmailVerified(verified);
        });
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
        update(user == null ? null : user.getFirstAttribute(name), value, name, () -> user.setSingleAttribute(name, value), changes);
    }

    private void update(String current, String value, String field, Runnable setter, Changes changes) {
        if (!value.equals(current)) {
            write(setter);
            changes.profileUpdated(field);
        }
    }

    private void write(Runnable change) {
        if (!dryRun) {
            change.run();
        }
    }
}
