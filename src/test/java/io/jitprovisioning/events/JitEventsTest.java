package io.jitprovisioning.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.EventBuilder;
import org.mockito.ArgumentCaptor;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.roles.RefusedRole;
import io.jitprovisioning.roles.RefusedRole.Reason;

class JitEventsTest {

    private final EventBuilder event = mock(EventBuilder.class);

    private static List<String> roles(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "role" + i).toList();
    }

    private String detailSent(String key) {
        ArgumentCaptor<String> value = ArgumentCaptor.forClass(String.class);
        verify(event).detail(org.mockito.ArgumentMatchers.eq(key), value.capture());
        return value.getValue();
    }

    @Nested
    @DisplayName("given a list for one detail")
    class Bounding {

        @Test
        void anEmptyListAddsNoDetail() {
            JitEvents.detail(event, JitEvents.ROLES_GRANTED, List.of());

            verify(event, never()).detail(anyString(), anyString());
        }

        @Test
        void upToTwentyNamesAreListedWhole() {
            JitEvents.detail(event, JitEvents.ROLES_GRANTED, roles(20));

            assertThat(detailSent(JitEvents.ROLES_GRANTED)).isEqualTo(String.join(",", roles(20))).doesNotContain("...");
        }

        @Test
        void theTwentyFirstNameBecomesACount() {
            JitEvents.detail(event, JitEvents.ROLES_GRANTED, roles(21));

            assertThat(detailSent(JitEvents.ROLES_GRANTED)).isEqualTo(String.join(",", roles(20)) + ",...(+1)");
        }

        @Test
        void aFloodIsCutToTwentyNamesAndItsSize() {
            JitEvents.detail(event, JitEvents.ROLES_REFUSED, roles(1000));

            String listed = detailSent(JitEvents.ROLES_REFUSED);
            assertThat(listed).endsWith("role20,...(+980)").doesNotContain("role21");
            assertThat(listed.split(",")).hasSize(21);
        }
    }

    @Test
    void changesGoToTheirOwnDetailsAndEmptyOnesAreLeftOut() {
        Changes changes = new Changes();
        changes.profileRejected(AttributeTarget.USER_EMAIL.name());
        changes.refused(List.of(new RefusedRole("Astronaut", Reason.UNKNOWN), new RefusedRole("realm-admin", Reason.PROTECTED)));

        JitEvents.addDetails(event, changes);

        assertThat(detailSent(JitEvents.PROFILE_REJECTED)).isEqualTo("USER_EMAIL");
        assertThat(detailSent(JitEvents.ROLES_REFUSED)).isEqualTo("Astronaut(unknown),realm-admin(protected)");
        verify(event, never()).detail(org.mockito.ArgumentMatchers.eq(JitEvents.ROLES_GRANTED), anyString());
        verify(event, never()).detail(org.mockito.ArgumentMatchers.eq(JitEvents.ROLES_REVOKED), anyString());
        verify(event, never()).detail(org.mockito.ArgumentMatchers.eq(JitEvents.PROFILE_UPDATED), anyString());
    }
}
