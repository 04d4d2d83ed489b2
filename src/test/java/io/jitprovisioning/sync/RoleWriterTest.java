package io.jitprovisioning.sync;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.events.Changes;
import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.InMemoryProvenanceStore;
import io.jitprovisioning.provenance.OwnWrites;
import io.jitprovisioning.roles.RefusedRole;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.roles.RoleRef;

/** Applying role decisions through the provenance, with an in-memory account and provenance. */
class RoleWriterTest {

    static final String IDP_A = "idp-a";
    static final String IDP_B = "idp-b";

    final Map<String, Object> sessionAttributes = new HashMap<>();
    final KeycloakSession session = mock(KeycloakSession.class);
    final RealmModel realm = mock(RealmModel.class);
    final UserModel user = mock(UserModel.class);
    final Set<String> held = new TreeSet<>();
    final List<String> writesMarkedOwn = new ArrayList<>();
    final InMemoryProvenanceStore provenance = new InMemoryProvenanceStore();
    final RoleWriter writer = new RoleWriter(realm, new KeycloakAccountWrites(session, realm, null, provenance, Clock.systemUTC()));

    @BeforeEach
    void account() {
        when(session.getAttribute(anyString())).thenAnswer(call -> sessionAttributes.get(call.<String>getArgument(0)));
        doAnswer(call -> sessionAttributes.put(call.getArgument(0), call.getArgument(1))).when(session).setAttribute(anyString(), any());
        doAnswer(call -> sessionAttributes.remove(call.<String>getArgument(0))).when(session).removeAttribute(anyString());
        when(user.getId()).thenReturn("user-1");
        when(realm.getId()).thenReturn("realm-1");
        for (String name : List.of("developer", "tester", "auditor")) {
            RoleModel role = mock(RoleModel.class);
            when(role.getId()).thenReturn(name);
            when(role.getName()).thenReturn(name);
            when(realm.getRoleById(name)).thenReturn(role);
            when(user.hasDirectRole(role)).thenAnswer(call -> held.contains(name));
            doAnswer(call -> track(held.add(name))).when(user).grantRole(role);
            doAnswer(call -> track(held.remove(name))).when(user).deleteRoleMapping(role);
        }
    }

    private Object track(boolean changed) {
        writesMarkedOwn.add(Boolean.toString(OwnWrites.isRunning(session)));
        return null;
    }

    private Changes apply(String idp, String... wanted) {
        Set<RoleRef> roles = new HashSet<>();
        for (String name : wanted) {
            roles.add(new RoleRef(name, name));
        }
        Changes changes = new Changes();
        writer.apply(user, idp, new RoleDecision(RoleDecision.Outcome.APPLY, roles, List.of(), false, null),
                provenance.grantsOf("user-1"), changes);
        return changes;
    }

    private Set<String> grantedBy(String idp) {
        return provenance.grantsOf("user-1").of(idp, GrantKind.ROLE);
    }

    @Test
    @DisplayName("grants what the IdP wants, records it as that IdP's, and marks the write as the extension's own")
    void grantsAndRecords() {
        Changes changes = apply(IDP_A, "developer");

        assertThat(held).containsExactly("developer");
        assertThat(grantedBy(IDP_A)).containsExactly("developer");
        assertThat(changes.granted()).containsExactly("developer");
        assertThat(writesMarkedOwn).containsExactly("true");
        assertThat(OwnWrites.isRunning(session)).isFalse();
    }

    @Test
    @DisplayName("revokes what this IdP granted and no longer wants")
    void revokesItsOwn() {
        apply(IDP_A, "developer");

        Changes changes = apply(IDP_A, "tester");

        assertThat(held).containsExactly("tester");
        assertThat(changes.revoked()).containsExactly("developer");
        assertThat(grantedBy(IDP_A)).containsExactly("tester");
    }

    @Test
    @DisplayName("never revokes, nor claims, a role held by hand")
    void handGrantsAreNeverTouched() {
        held.add("auditor");

        apply(IDP_A, "auditor", "developer");
        apply(IDP_A, "developer");

        assertThat(held).containsExactly("auditor", "developer");
        assertThat(grantedBy(IDP_A)).containsExactly("developer");
    }

    @Test
    @DisplayName("a role two IdPs want stays while either still wants it")
    void sharedRoleStaysWhileWanted() {
        apply(IDP_A, "developer");
        apply(IDP_B, "developer");
        assertThat(grantedBy(IDP_B)).as("B holds it too, though A made the grant").containsExactly("developer");

        apply(IDP_A);
        assertThat(held).containsExactly("developer");
        assertThat(grantedBy(IDP_A)).isEmpty();

        Changes changes = apply(IDP_B);
        assertThat(held).isEmpty();
        assertThat(changes.revoked()).containsExactly("developer");
    }

    @Test
    @DisplayName("an IdP never revokes what another IdP granted")
    void otherIdpsGrantsAreNotRevoked() {
        apply(IDP_A, "developer");
        apply(IDP_B, "tester");

        apply(IDP_B, "auditor");

        assertThat(held).containsExactly("auditor", "developer");
    }

    @Test
    @DisplayName("a refused decision changes nothing and reports the refused values")
    void refusedDecisionChangesNothing() {
        apply(IDP_A, "developer");
        Changes changes = new Changes();

        writer.apply(user, IDP_A, new RoleDecision(RoleDecision.Outcome.REFUSE, Set.of(),
                List.of(new RefusedRole("realm-admin", RefusedRole.Reason.PROTECTED)), false, null), provenance.grantsOf("user-1"), changes);

        assertThat(held).containsExactly("developer");
        assertThat(changes.refusedRoles()).containsExactly("realm-admin(protected)");
    }

    @Test
    @DisplayName("with the writes recorded, it reports what a real run would change, and grants, revokes and records nothing")
    void recordedWritesWriteNothing() {
        apply(IDP_A, "developer");
        RecordedAccountWrites recorded = new RecordedAccountWrites();
        RoleWriter dryRun = new RoleWriter(realm, recorded);
        Changes planned = new Changes();

        dryRun.apply(user, IDP_A, new RoleDecision(RoleDecision.Outcome.APPLY, Set.of(new RoleRef("tester", "tester")), List.of(),
                false, null), provenance.grantsOf("user-1"), planned);

        assertThat(planned.granted()).containsExactly("tester");
        assertThat(planned.revoked()).containsExactly("developer");
        assertThat(held).containsExactly("developer");
        assertThat(grantedBy(IDP_A)).containsExactly("developer");
        assertThat(recorded.recorded()).containsExactly("grant ROLE tester", "revoke ROLE developer", "record ROLE grants of idp-a");
        assertThat(apply(IDP_A, "tester").granted()).as("the real run").containsExactly("tester");
    }

    @Test
    @DisplayName("with the writes recorded, an account not created yet is granted everything wanted")
    void recordedForNoAccount() {
        Changes planned = new Changes();

        new RoleWriter(realm, new RecordedAccountWrites()).apply(null, IDP_A, new RoleDecision(RoleDecision.Outcome.APPLY,
                Set.of(new RoleRef("developer", "developer")), List.of(), false, null), provenance.grantsOf("none"), planned);

        assertThat(planned.granted()).containsExactly("developer");
        assertThat(held).isEmpty();
    }
}
