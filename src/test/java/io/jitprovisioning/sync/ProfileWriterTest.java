package io.jitprovisioning.sync;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.events.Changes;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.profile.ProfileValuesFixture;
import io.jitprovisioning.provenance.InMemoryProvenanceStore;

/** Writing decided profile fields: only what differs, never another account's email, verified only when trusted. */
class ProfileWriterTest {

    final KeycloakSession session = mock(KeycloakSession.class);
    final RealmModel realm = mock(RealmModel.class);
    final UserProvider users = mock(UserProvider.class);
    final UserModel user = mock(UserModel.class);
    final ProfileWriter writer = new ProfileWriter(session, realm, new KeycloakAccountWrites(session, realm, null,
            new InMemoryProvenanceStore(), Clock.systemUTC()));

    ProfileWriterTest() {
        when(session.users()).thenReturn(users);
        when(user.getId()).thenReturn("me");
        when(user.getFirstName()).thenReturn("Ada");
        when(user.getEmail()).thenReturn("ada@old.test");
    }

    @Test
    @DisplayName("an email another account holds is not taken, and the event says so")
    void anotherAccountsEmailIsRejected() {
        UserModel other = mock(UserModel.class);
        when(other.getId()).thenReturn("someone-else");
        when(users.getUserByEmail(realm, "bob@corp.test")).thenReturn(other);
        Changes changes = new Changes();

        writer.apply(user, ProfileValuesFixture.of(Map.of(AttributeTarget.USER_EMAIL, "bob@corp.test"), Set.of()), true, changes);

        verify(user, never()).setEmail(any());
        verify(user, never()).setEmailVerified(eq(true));
        assertThat(changes.profileRejected()).containsExactly("USER_EMAIL");
    }

    @Test
    @DisplayName("when several accounts hold the email, it is not taken either")
    void ambiguousEmailIsRejected() {
        when(users.getUserByEmail(realm, "dup@corp.test")).thenThrow(new ModelDuplicateException("two"));
        Changes changes = new Changes();

        writer.apply(user, ProfileValuesFixture.of(Map.of(AttributeTarget.USER_EMAIL, "dup@corp.test"), Set.of()), false, changes);

        verify(user, never()).setEmail(any());
        assertThat(changes.profileRejected()).containsExactly("USER_EMAIL");
    }

    @Test
    @DisplayName("a new email is stored verified only when the identity provider is trusted for it")
    void emailVerifiedOnlyWhenTrusted() {
        writer.apply(user, ProfileValuesFixture.of(Map.of(AttributeTarget.USER_EMAIL, "ada@new.test"), Set.of()), false, new Changes());

        verify(user).setEmail("ada@new.test");
        verify(user).setEmailVerified(false);
    }

    @Test
    @DisplayName("an unchanged field is not written, and is not reported as updated")
    void unchangedIsNotWritten() {
        Changes changes = new Changes();

        writer.apply(user, ProfileValuesFixture.of(Map.of(AttributeTarget.USER_FIRST_NAME, "Ada",
                AttributeTarget.USER_LAST_NAME, "Lovelace"), Set.of()), false, changes);

        verify(user, never()).setFirstName(any());
        verify(user).setLastName("Lovelace");
        assertThat(changes.profileUpdated()).containsExactly("lastName");
    }
}
