package io.jitprovisioning.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The matching rules on a snapshot, with Keycloak's exact lookups played by maps that count their calls. */
class IndexedRoleLookupTest {

    record Client(String uuid, String clientId) {
    }

    record Role(String name, Client client) {
    }

    /** A realm as Keycloak's exact lookups see it now (which may differ from a snapshot taken earlier). */
    static final class Realm implements IndexedRoleLookup.Model<Client, Role> {
        final Map<String, Role> realmRoles = new HashMap<>();
        final Map<String, Client> clients = new HashMap<>();
        final Map<String, Map<String, Role>> clientRoles = new HashMap<>();
        final List<String> lookups = new ArrayList<>();

        Realm withRealmRoles(String... names) {
            for (String name : names) {
                realmRoles.put(name, new Role(name, null));
            }
            return this;
        }

        Realm withClient(String clientId, String... roles) {
            Client client = new Client("uuid-" + clientId, clientId);
            clients.put(clientId, client);
            for (String role : roles) {
                clientRoles.computeIfAbsent(client.uuid(), c -> new HashMap<>()).put(role, new Role(role, client));
            }
            return this;
        }

        /** The snapshot an index build would take now. */
        RoleNames snapshot() {
            RoleNames.Builder builder = RoleNames.builder(1000);
            realmRoles.keySet().forEach(builder::realmRole);
            clientRoles.forEach((uuid, roles) -> roles.keySet().forEach(name -> builder.clientRole(uuid, name)));
            return builder.build();
        }

        @Override
        public Role realmRole(String exactName) {
            lookups.add("role " + exactName);
            return realmRoles.get(exactName);
        }

        @Override
        public Client clientByClientId(String clientId) {
            lookups.add("client " + clientId);
            return clients.get(clientId);
        }

        @Override
        public String clientUuid(Client client) {
            return client.uuid();
        }

        @Override
        public Role clientRole(Client client, String exactName) {
            lookups.add("client role " + client.clientId() + "/" + exactName);
            return clientRoles.getOrDefault(client.uuid(), Map.of()).get(exactName);
        }
    }

    private final Realm realm = new Realm();
    private final IndexedRoleLookup<Client, Role> lookup = new IndexedRoleLookup<>(realm);

    private Optional<String> find(RoleNames names, String name) {
        return lookup.find(names, name).map(role -> role.client() == null ? role.name() : role.client().clientId() + "." + role.name());
    }

    @Nested
    @DisplayName("given realm roles")
    class RealmRoles {

        @Test
        void exactNameFirstThenIgnoringCase() {
            realm.withRealmRoles("Admin", "ADMIN", "editor");
            RoleNames names = realm.snapshot();

            assertThat(find(names, "ADMIN")).contains("ADMIN");
            assertThat(find(names, "Admin")).contains("Admin");
            assertThat(find(names, "admin")).contains("ADMIN");
            assertThat(find(names, "Editor")).contains("editor");
        }

        @Test
        void aValueThatNamesNothingNeverReachesKeycloak() {
            realm.withRealmRoles("editor");
            RoleNames names = realm.snapshot();

            for (int i = 0; i < 50; i++) {
                assertThat(find(names, "Some AD group " + i)).isEmpty();
            }
            assertThat(realm.lookups).isEmpty();
        }

        @Test
        void aHitIsConfirmedByKeycloakAndAStaleOneReported() {
            realm.withRealmRoles("Sales");
            RoleNames names = realm.snapshot();
            realm.realmRoles.remove("Sales"); // deleted on another node since the snapshot

            assertThatThrownBy(() -> find(names, "sales")).isInstanceOf(IndexedRoleLookup.StaleSnapshot.class);
            assertThat(realm.lookups).containsExactly("role Sales");
        }
    }

    @Nested
    @DisplayName("given client roles (clientId.role)")
    class ClientRoles {

        @Test
        void theClientRoleIsFoundByExactNameThenIgnoringCase() {
            realm.withClient("my-app", "Reader", "writer");
            RoleNames names = realm.snapshot();

            assertThat(find(names, "my-app.Reader")).contains("my-app.Reader");
            assertThat(find(names, "my-app.READER")).contains("my-app.Reader");
            assertThat(find(names, "my-app.Writer")).contains("my-app.writer");
            assertThat(find(names, "my-app.other")).isEmpty();
        }

        @Test
        void aRoleTheClientDoesNotHaveIsNotAskedOfKeycloak() {
            realm.withClient("app", "reader");
            RoleNames names = realm.snapshot();

            assertThat(find(names, "app.Team 7")).isEmpty();
            assertThat(realm.lookups).containsExactly("client app");
        }

        @Test
        void clientIdsMayContainDotsAndTheLongestFirst() {
            realm.withClient("com.example.app", "reader").withClient("com.example", "app.other");
            RoleNames names = realm.snapshot();

            assertThat(find(names, "com.example.app.READER")).contains("com.example.app.reader");
            assertThat(find(names, "com.example.app.other")).isEmpty(); // com.example.app decides, although com.example has "app.other"
        }

        @Test
        void theClientDecidesEvenWhenARealmRoleHasTheWholeName() {
            realm.withClient("team", "lead").withRealmRoles("team.member");
            RoleNames names = realm.snapshot();

            assertThat(find(names, "team.member")).isEmpty();
            assertThat(find(names, "nosuchclient.x")).isEmpty();
            realm.withRealmRoles("nosuchclient.x");
            assertThat(find(realm.snapshot(), "NOSUCHCLIENT.X")).contains("nosuchclient.x");
        }

        @Test
        void atMostTenPrefixesAreTriedAsClientIds() {
            RoleNames names = realm.snapshot();
            String manyDots = "a.b.c.d.e.f.g.h.i.j.k.l.m";

            assertThat(find(names, manyDots)).isEmpty();
            assertThat(realm.lookups).hasSize(IndexedRoleLookup.MAX_CLIENT_LOOKUPS)
                    .allMatch(lookup -> lookup.startsWith("client "));
        }

        @Test
        void prefixesThatNameNoClientAreAskedOnceUntilClientsChange() {
            realm.withClient("app", "r");
            RoleNames names = realm.snapshot();

            find(names, "https://portal.example.com/groups/1");
            int first = realm.lookups.size();
            find(names, "https://portal.example.com/groups/1");
            find(names, "https://portal.example.com/groups/2");

            assertThat(first).isEqualTo(2);
            assertThat(realm.lookups).hasSize(first);
            names.forgetNonClients();
            find(names, "https://portal.example.com/groups/1");
            assertThat(realm.lookups).hasSize(first + 2);
            assertThat(find(names, "app.R")).contains("app.r"); // a real client is always asked for
        }

        @Test
        void adminRoleNamesAreRecognisedIgnoringCase() {
            realm.withClient("realm-management", "realm-admin", "manage-users");
            RoleNames names = realm.snapshot();

            assertThat(lookup.clientHasRole(names, "realm-management", "Realm-Admin")).isTrue();
            assertThat(lookup.clientHasRole(names, "realm-management", "developer")).isFalse();
            assertThat(lookup.clientHasRole(names, "no-such-client", "realm-admin")).isFalse();
        }

        @Test
        void aClientRoleGoneSinceTheSnapshotIsReported() {
            realm.withClient("app", "Reader");
            RoleNames names = realm.snapshot();
            realm.clientRoles.get("uuid-app").remove("Reader");

            assertThatThrownBy(() -> find(names, "app.Reader")).isInstanceOf(IndexedRoleLookup.StaleSnapshot.class);
            assertThatThrownBy(() -> find(names, "app.reader")).isInstanceOf(IndexedRoleLookup.StaleSnapshot.class);
        }
    }

    @Nested
    @DisplayName("given a realm larger than the index takes")
    class TooLarge {

        @Test
        void theBuilderGivesUp() {
            RoleNames.Builder builder = RoleNames.builder(3);
            for (int i = 0; builder.wantsMore(); i++) {
                builder.realmRole("role-" + i);
            }
            RoleNames names = builder.build();

            assertThat(names.isComplete()).isFalse();
            assertThat(names.weight()).isZero();
            names.rememberNonClient("x");
            assertThat(names.isKnownNonClient("x")).isFalse();
        }

        @Test
        void rememberedNonClientsAreBounded() {
            RoleNames names = RoleNames.builder(10).build();
            for (int i = 0; i < RoleNames.MAX_REMEMBERED_NON_CLIENTS + 50; i++) {
                names.rememberNonClient("prefix-" + i);
            }

            assertThat(names.weight()).isEqualTo(RoleNames.MAX_REMEMBERED_NON_CLIENTS);
        }
    }
}
