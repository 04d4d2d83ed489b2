package io.jitprovisioning.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.groups.RefusedGroup;
import io.jitprovisioning.roles.RefusedRole;
import io.jitprovisioning.roles.RefusedRole.Reason;

class ChangesTest {

    private final Changes changes = new Changes();

    @Test
    void nothingChangedIsNotWorthAnEvent() {
        assertThat(changes.isWorthAnEvent()).isFalse();
        assertThat(changes.granted()).isEmpty();
        assertThat(changes.refusedRoles()).isEmpty();
    }

    @Test
    void namesAreSortedAndListedOnce() {
        changes.granted("viewer");
        changes.granted("editor");
        changes.granted("viewer");
        changes.revoked("b");
        changes.revoked("a");
        changes.profileUpdated("lastName");
        changes.profileUpdated("email");
        changes.profileRejected(AttributeTarget.USER_PHONE_NUMBER.name());
        changes.profileRejected(AttributeTarget.USER_EMAIL.name());

        assertThat(changes.granted()).containsExactly("editor", "viewer");
        assertThat(changes.revoked()).containsExactly("a", "b");
        assertThat(changes.profileUpdated()).containsExactly("email", "lastName");
        assertThat(changes.profileRejected()).containsExactly("USER_EMAIL", "USER_PHONE_NUMBER");
    }

    @Test
    void refusedRolesKeepTheIdpsOrderAndTheirReason() {
        changes.refused(List.of(new RefusedRole("Zeta", Reason.UNKNOWN), new RefusedRole("alpha", Reason.NOT_ASSIGNABLE)));

        assertThat(changes.refusedRoles()).containsExactly("Zeta(unknown)", "alpha(not_assignable)");
    }

    @Test
    void eachKindOfChangeAloneIsWorthAnEvent() {
        List<Consumer<Changes>> kinds = List.of(c -> c.granted("r"), c -> c.revoked("r"), c -> c.profileUpdated("email"),
                c -> c.profileRejected(AttributeTarget.USER_EMAIL.name()), c -> c.refused(List.of(new RefusedRole("x", Reason.PROTECTED))),
                c -> c.refused(List.of(new RefusedRole("x", Reason.NOT_ASSIGNABLE))), c -> c.joined("/g"), c -> c.left("/g"),
                c -> c.refusedGroups(List.of(new RefusedGroup("g", RefusedGroup.Reason.AMBIGUOUS))),
                c -> c.refusedGroups(List.of(new RefusedGroup("g", RefusedGroup.Reason.PROTECTED))),
                c -> c.refusedGroups(List.of(new RefusedGroup("g", RefusedGroup.Reason.NOT_ASSIGNABLE))));

        assertThat(kinds).allSatisfy(kind -> {
            Changes alone = new Changes();
            kind.accept(alone);
            assertThat(alone.isWorthAnEvent()).isTrue();
        });
    }

    @Test
    void valuesNamingNothingAreListedButAreNoNewsByThemselves() {
        changes.refused(List.of(new RefusedRole("6f1c-guid", Reason.UNKNOWN)));
        changes.refusedGroups(List.of(new RefusedGroup("CN=Printers", RefusedGroup.Reason.UNKNOWN)));

        assertThat(changes.isWorthAnEvent()).isFalse();
        assertThat(changes.refusedRoles()).containsExactly("6f1c-guid(unknown)");
        assertThat(changes.refusedGroups()).containsExactly("CN=Printers(unknown)");

        changes.granted("viewer");
        assertThat(changes.isWorthAnEvent()).isTrue();
    }

    @Test
    void anEmptyRefusalListIsNotWorthAnEvent() {
        changes.refused(List.of());

        assertThat(changes.isWorthAnEvent()).isFalse();
    }

    @Test
    void listsHandedOutCannotChangeTheRecord() {
        changes.granted("editor");

        assertThatThrownBy(() -> changes.granted().add("admin")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(changes.granted()).containsExactly("editor");
    }

    @Test
    void refusedValuesAreEncodedSoThatTheyCannotForgeAnEntryOrAReason() {
        changes.refused(List.of(new RefusedRole("x(unknown),realm-admin(granted)", Reason.UNKNOWN),
                new RefusedRole("100%", Reason.PROTECTED)));
        changes.refusedGroups(List.of(new RefusedGroup("a,b(ambiguous)", RefusedGroup.Reason.UNKNOWN)));

        assertThat(changes.refusedRoles()).containsExactly("x%28unknown%29%2Crealm-admin%28granted%29(unknown)", "100%25(protected)");
        assertThat(changes.refusedGroups()).containsExactly("a%2Cb%28ambiguous%29(unknown)");
        assertThat(changes.isWorthAnEvent()).as("the forged 'granted' counts for nothing; the real protected refusal does").isTrue();
    }

    @Test
    void namesStayAsTheyAreUntilTheyAreListedInAnEvent() {
        changes.granted("sales,realm-admin");
        changes.joined("/teams/a,b");

        assertThat(changes.granted()).as("the preview compares them with role names").containsExactly("sales,realm-admin");
        assertThat(changes.groupsJoined()).containsExactly("/teams/a,b");
    }
}
