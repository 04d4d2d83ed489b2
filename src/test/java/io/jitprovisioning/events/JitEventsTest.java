package io.jitprovisioning.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.events.EventBuilder;
import org.mockito.ArgumentCaptor;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.groups.RefusedGroup;
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

    @Nested
    @DisplayName("given names and values that hold the list's own syntax")
    class Escaping {

        /** Reads a list detail back as a consumer would: split on ',', reason in the last '(...)', percent-decoded. */
        private List<String[]> parse(String listed) {
            return Arrays.stream(listed.split(",")).map(entry -> {
                int open = entry.lastIndexOf('(');
                String value = open < 0 ? entry : entry.substring(0, open);
                String reason = open < 0 ? null : entry.substring(open + 1, entry.length() - 1);
                return new String[] {URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8), reason};
            }).toList();
        }

        @Test
        void aForgedRefusalStaysOneEntryWithItsRealReason() {
            Changes changes = new Changes();
            changes.refused(List.of(new RefusedRole("x(unknown),realm-admin(granted)", Reason.UNKNOWN)));

            JitEvents.addDetails(event, changes);

            String listed = detailSent(JitEvents.ROLES_REFUSED);
            assertThat(listed).isEqualTo("x%28unknown%29%2Crealm-admin%28granted%29(unknown)");
            assertThat(parse(listed)).singleElement().satisfies(entry -> {
                assertThat(entry[0]).isEqualTo("x(unknown),realm-admin(granted)");
                assertThat(entry[1]).isEqualTo("unknown");
            });
        }

        @Test
        void aForgedGroupRefusalStaysOneEntry() {
            Changes changes = new Changes();
            changes.refusedGroups(List.of(new RefusedGroup("CN=Admins,OU=Groups(protected)",
                    RefusedGroup.Reason.UNKNOWN)));

            JitEvents.addDetails(event, changes);

            assertThat(detailSent(JitEvents.GROUPS_REFUSED)).isEqualTo("CN=Admins%2COU=Groups%28protected%29(unknown)");
        }

        @Test
        void grantedRolesAndGroupPathsAreEntriesToo() {
            Changes changes = new Changes();
            changes.granted("sales,realm-admin");
            changes.granted("viewer");
            changes.joined("/teams/a,b");
            changes.left("/100%");

            JitEvents.addDetails(event, changes);

            assertThat(detailSent(JitEvents.ROLES_GRANTED)).isEqualTo("sales%2Crealm-admin,viewer");
            assertThat(parse(detailSent(JitEvents.ROLES_GRANTED))).extracting(entry -> entry[0])
                    .containsExactly("sales,realm-admin", "viewer");
            assertThat(detailSent(JitEvents.GROUPS_JOINED)).isEqualTo("/teams/a%2Cb");
            assertThat(detailSent(JitEvents.GROUPS_LEFT)).isEqualTo("/100%25");
        }

        @Test
        void controlFormatAndSeparatorCharactersAreEncodedAsUtf8Bytes() {
            assertThat(JitEvents.entry("a\nb\tc\u0000")).isEqualTo("a%0Ab%09c%00");
            assertThat(JitEvents.entry("\u0085")).as("a C1 control").isEqualTo("%C2%85");
            assertThat(JitEvents.entry("admin\u202Enimda")).as("a bidi override").isEqualTo("admin%E2%80%AEnimda");
            assertThat(JitEvents.entry("a\u200Bb\u2028c")).as("zero-width space, line separator").isEqualTo("a%E2%80%8Bb%E2%80%A8c");
            assertThat(JitEvents.entry("x\uDB40\uDC01")).as("a supplementary format character (tag)").isEqualTo("x%F3%A0%80%81");
        }

        @Test
        void ordinaryNamesAreLeftAsTheyAre() {
            assertThat(JitEvents.entry("realm-management.view-users")).isEqualTo("realm-management.view-users");
            assertThat(JitEvents.entry("/Engineering/Backend Team")).isEqualTo("/Engineering/Backend Team");
            assertThat(JitEvents.entry("Müller+Ærø ✓")).isEqualTo("Müller+Ærø ✓");
        }

        @Test
        void everyEntryDecodesBackToExactlyItsValue() {
            List<String> values = List.of("%41", "%", "a,b", "(x)", "\u0007", "é,(é)", "...(+3)", "");
            values.forEach(value -> assertThat(URLDecoder.decode(JitEvents.entry(value).replace("+", "%2B"),
                    StandardCharsets.UTF_8)).isEqualTo(value));
            assertThat(values).allSatisfy(value -> assertThat(JitEvents.entry(value)).doesNotContain(",", "(", ")"));
        }
    }
}
