package io.jitprovisioning.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleContainerModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

class ProtectedRolesTest {

    private final RealmModel master = realm("master");
    private final RealmModel acme = realm("acme");

    private static RealmModel realm(String name) {
        RealmModel realm = mock(RealmModel.class);
        when(realm.getName()).thenReturn(name);
        return realm;
    }

    private static ClientModel client(RealmModel realm, String clientId) {
        ClientModel client = mock(ClientModel.class);
        when(client.getClientId()).thenReturn(clientId);
        when(client.getRealm()).thenReturn(realm);
        return client;
    }

    private static RoleModel role(RoleContainerModel container, String name, RoleModel... composites) {
        RoleModel role = mock(RoleModel.class);
        when(role.getId()).thenReturn("id-" + name + "@" + System.identityHashCode(container));
        when(role.getName()).thenReturn(name);
        when(role.getContainer()).thenReturn(container);
        when(role.isClientRole()).thenReturn(container instanceof ClientModel);
        when(role.isComposite()).thenReturn(composites.length > 0);
        when(role.getCompositesStream()).thenAnswer(call -> Stream.of(composites));
        return role;
    }

    @Nested
    @DisplayName("given Keycloak's admin roles themselves")
    class AdminRoles {

        @Test
        void realmManagementRolesAreProtected() {
            ClientModel realmManagement = client(acme, "realm-management");

            assertThat(ProtectedRoles.isProtected(role(realmManagement, "realm-admin"))).isTrue();
            assertThat(ProtectedRoles.isProtected(role(realmManagement, "view-users"))).isTrue();
        }

        @Test
        void rolesOfMastersRealmClientsAreProtected() {
            assertThat(ProtectedRoles.isProtected(role(client(master, "acme-realm"), "manage-users"))).isTrue();
            assertThat(ProtectedRoles.isProtected(role(client(master, "master-realm"), "view-realm"))).isTrue();
        }

        @Test
        void mastersAdminAndCreateRealmAreProtected() {
            assertThat(ProtectedRoles.isProtected(role(master, "admin"))).isTrue();
            assertThat(ProtectedRoles.isProtected(role(master, "create-realm"))).isTrue();
        }
    }

    @Nested
    @DisplayName("given ordinary roles")
    class Ordinary {

        @Test
        void realmAndClientRolesOfAnyRealmPass() {
            assertThat(ProtectedRoles.isProtected(role(acme, "editor"))).isFalse();
            assertThat(ProtectedRoles.isProtected(role(master, "offline_access"))).isFalse();
            assertThat(ProtectedRoles.isProtected(role(client(acme, "my-app"), "editor"))).isFalse();
        }

        @Test
        void adminLookingNamesOutsideMasterPass() {
            assertThat(ProtectedRoles.isProtected(role(acme, "admin"))).isFalse();
            assertThat(ProtectedRoles.isProtected(role(acme, "create-realm"))).isFalse();
            assertThat(ProtectedRoles.isProtected(role(client(acme, "acme-realm"), "manage-users"))).isFalse();
        }

        @Test
        void aCompositeOfOrdinaryRolesPasses() {
            RoleModel bundle = role(acme, "bundle", role(acme, "editor"), role(client(acme, "my-app"), "viewer"));

            assertThat(ProtectedRoles.isProtected(bundle)).isFalse();
        }
    }

    @Nested
    @DisplayName("given composites")
    class Composites {

        @Test
        void aCompositeHoldingAnAdminRoleDirectlyIsProtected() {
            RoleModel manageUsers = role(client(acme, "realm-management"), "manage-users");

            assertThat(ProtectedRoles.isProtected(role(acme, "helpdesk", role(acme, "editor"), manageUsers))).isTrue();
        }

        @Test
        void anAdminRoleDeepDownStillProtectsTheTop() {
            RoleModel createRealm = role(master, "create-realm");
            RoleModel deep = role(acme, "level-3", createRealm);
            RoleModel middle = role(client(acme, "my-app"), "level-2", deep);

            assertThat(ProtectedRoles.isProtected(role(acme, "level-1", role(acme, "editor"), middle))).isTrue();
        }

        @Test
        @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void aCycleOfOrdinaryRolesEnds() {
            RoleModel first = mock(RoleModel.class);
            RoleModel second = role(acme, "second", first);
            when(first.getId()).thenReturn("id-first");
            when(first.getName()).thenReturn("first");
            when(first.getContainer()).thenReturn(acme);
            when(first.isComposite()).thenReturn(true);
            when(first.getCompositesStream()).thenAnswer(call -> Stream.of(second, first));

            assertThat(ProtectedRoles.isProtected(first)).isFalse();
        }

        @Test
        @Timeout(value = 5, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        void aCycleStillFindsTheAdminRoleInside() {
            RoleModel loop = mock(RoleModel.class);
            RoleModel realmAdmin = role(client(acme, "realm-management"), "realm-admin");
            RoleModel other = role(acme, "other", loop);
            when(loop.getId()).thenReturn("id-loop");
            when(loop.getName()).thenReturn("loop");
            when(loop.getContainer()).thenReturn(acme);
            when(loop.isComposite()).thenReturn(true);
            when(loop.getCompositesStream()).thenAnswer(call -> Stream.of(other, realmAdmin));

            assertThat(ProtectedRoles.isProtected(role(acme, "top", loop))).isTrue();
        }
    }

    @Nested
    @DisplayName("given an account's effective roles")
    class HeldBy {

        private final ClientModel realmManagement = client(acme, "realm-management");
        private final RoleModel realmAdmin = role(realmManagement, "realm-admin");
        private final RoleModel developer = role(acme, "developer");

        private GroupModel group(GroupModel parent, RoleModel... roles) {
            GroupModel group = mock(GroupModel.class);
            when(group.getId()).thenReturn("group-" + System.identityHashCode(group));
            when(group.getParent()).thenReturn(parent);
            when(group.getRoleMappingsStream()).thenAnswer(call -> Stream.of(roles));
            return group;
        }

        private UserModel user(Stream<RoleModel> direct, GroupModel... groups) {
            UserModel user = mock(UserModel.class);
            java.util.List<RoleModel> roles = direct.toList();
            when(user.getRoleMappingsStream()).thenAnswer(call -> roles.stream());
            when(user.getGroupsStream()).thenAnswer(call -> Stream.of(groups));
            return user;
        }

        @Test
        void anAdminRoleOnAParentGroupIsHeld() {
            GroupModel ops = group(null, realmAdmin);
            GroupModel oncall = group(ops);

            assertThat(ProtectedRoles.heldBy(user(Stream.of(developer), oncall))).isTrue();
        }

        @Test
        void aCompositeHoldingAnAdminRoleIsHeld() {
            RoleModel lead = role(acme, "team-lead", developer, realmAdmin);

            assertThat(ProtectedRoles.heldBy(user(Stream.of(lead)))).isTrue();
        }

        @Test
        void ordinaryRolesAndGroupsAreNot() {
            assertThat(ProtectedRoles.heldBy(user(Stream.of(developer), group(group(null, developer))))).isFalse();
        }
    }
}
