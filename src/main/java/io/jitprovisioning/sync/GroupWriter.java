package io.jitprovisioning.sync;

import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.events.Changes;
import io.jitprovisioning.groups.GroupDecision;
import io.jitprovisioning.groups.GroupRef;
import io.jitprovisioning.groups.RealmGroupDirectory;
import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.Grants;

/**
 * Applies a group decision to an account's memberships, through the provenance (see {@link Grantor}). The account is
 * null for one a preview would create: a member of nothing.
 */
final class GroupWriter {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Grantor grantor;

    GroupWriter(KeycloakSession session, RealmModel realm, AccountWrites writes) {
        this.session = session;
        this.realm = realm;
        this.grantor = new Grantor(writes);
    }

    void apply(UserModel user, String idpAlias, GroupDecision decision, Grants grants, Changes changes) {
        changes.refusedGroups(decision.refused());
        Set<String> wanted = decision.wanted().stream().map(GroupRef::id).collect(Collectors.toSet());
        grantor.apply(user, idpAlias, GrantKind.GROUP, wanted, grants, new Grantor.Holdings() {
            @Override
            public String nameOf(String id) {
                GroupModel group = group(id);
                return group == null ? null : RealmGroupDirectory.toRef(group).path();
            }

            /** Direct membership only: Keycloak's isMemberOf also counts a parent group's subgroups. */
            @Override
            public boolean holds(String id) {
                return user != null && user.getGroupsStream().anyMatch(group -> group.getId().equals(id));
            }

        }, changes::joined, changes::left);
    }

    private GroupModel group(String id) {
        return session.groups().getGroupById(realm, id);
    }
}
