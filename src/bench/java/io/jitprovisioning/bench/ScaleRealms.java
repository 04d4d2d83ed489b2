package io.jitprovisioning.bench;

import static io.jitprovisioning.testsupport.AdminApi.map;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.JitSettingsBuilder;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * The realms of the scale scenarios (6 to 8). Every broker realm has the same JIT mapper (managed roles, the five
 * profile attributes, a {@value #TABLE_SIZE}-entry role-value table) and differs only in what else it holds:
 * <ul>
 *   <li>{@code scale-small}: the roles the IdP's values name, and a few more (about 20 realm roles);</li>
 *   <li>{@code scale-large}: besides those, realm roles up to {@code LARGE_ROLES}, {@code LARGE_CLIENTS} clients with
 *       5 roles each and {@code LARGE_GROUPS} groups (a tenth top-level, each with nine subgroups); and a second IdP
 *       {@code stock} with Keycloak's built-in mappers configured for the same job;</li>
 *   <li>{@code grow-N}: N realm roles and nothing else, for the growth curve.</li>
 * </ul>
 * The IdP of each ({@code <realm>-idp}) sends {@link #SENT_REAL} values that name roles and values that name
 * nothing, in the shapes IdPs send: Entra ID group object ids, AD FS group names, URLs, and a client's clientId
 * with a role it does not have.
 */
final class ScaleRealms {

    static final String SMALL = "scale-small";
    static final String LARGE = "scale-large";
    static final String STOCK = "stock";
    static final String DEFAULT_ROLE = "support";
    static final int TABLE_SIZE = 200;
    static final int CLIENT_ROLES = 5;
    static final String CLIENT_WITH_ROLE = "app-0001";
    /** Table values sent by every user, and the role a value names directly, in another case. */
    static final int SENT_TABLE_VALUES = 8;
    static final String DIRECT_REALM_ROLE = "role-00777";
    static final String DIRECT_REALM_VALUE = "ROLE-00777";
    static final String DIRECT_CLIENT_VALUE = CLIENT_WITH_ROLE + ".READER";
    static final int SENT_REAL = SENT_TABLE_VALUES + 2;
    static final int SENT_NOTHING = 50;
    /** Partial imports of at most this many roles (clients: a fifth, top-level groups: a tenth) stay well within 60 s. */
    private static final int IMPORT_CHUNK = 250;

    private ScaleRealms() {
    }

    // ---- names and values ----

    static String role(int i) {
        return String.format("role-%05d", i);
    }

    static String tableValue(int i) {
        return String.format("Department %03d", i);
    }

    /** Table entries point at roles spread over the large realm's roles. */
    static String tableRole(int i) {
        return role(i * 50 % 10_000);
    }

    static String client(int i) {
        return String.format("app-%04d", i);
    }

    static List<String> clientRoleNames() {
        return List.of("reader", "writer", "admin", "auditor", "owner");
    }

    static JitSettings jitSettings() {
        JitSettingsBuilder builder = SamlBrokerFixture.managedRolesMappingAllSent(DEFAULT_ROLE);
        for (int i = 0; i < TABLE_SIZE; i++) {
            builder.roleValue(tableValue(i), tableRole(i));
        }
        return builder.build();
    }

    /** The realm roles a user of the large/small realms ends with (the client role aside), sorted. */
    static List<String> expectedRealmRoles() {
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < SENT_TABLE_VALUES; i++) {
            roles.add(tableRole(i));
        }
        roles.add(DIRECT_REALM_ROLE);
        return roles.stream().sorted().toList();
    }

    /** The values of the large/small realms' users: {@link #SENT_REAL} that name roles, {@link #SENT_NOTHING} that do not. */
    static List<String> scaleValues() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < SENT_TABLE_VALUES; i++) {
            values.add(tableValue(i));
        }
        values.add(DIRECT_REALM_VALUE);
        values.add(DIRECT_CLIENT_VALUE);
        values.addAll(nothing(SENT_NOTHING, true));
        return values;
    }

    /** {@code count} values that name nothing: 60% Entra ID object ids, 20% AD FS names, 10% URLs, 10% unknown client roles. */
    static List<String> nothing(int count, boolean withClientRoles) {
        List<String> values = new ArrayList<>();
        for (int i = 0; values.size() < count; i++) {
            int kind = i % 10;
            if (kind < 6) {
                values.add(UUID.nameUUIDFromBytes(("group-" + i).getBytes(StandardCharsets.UTF_8)).toString());
            } else if (kind < 8) {
                values.add(String.format("CORP\\Domain Group %03d", i));
            } else if (kind == 8 || !withClientRoles) {
                values.add(String.format("https://groups.example.com/teams/%03d", i));
            } else {
                values.add(String.format("app-0002.Team %03d", i));
            }
        }
        return values;
    }

    /** The growth curve's values: one table value that names a role, and {@code count - 1} that name nothing. */
    static List<String> growthValues(int count) {
        List<String> values = new ArrayList<>();
        values.add(tableValue(0));
        values.addAll(nothing(count - 1, false));
        return values;
    }

    static Map<String, List<String>> person(String username, int number, List<String> values) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("firstName", List.of("First" + number));
        attributes.put("lastName", List.of("Last" + number));
        attributes.put("email", List.of(username + "@example.org"));
        attributes.put("displayName", List.of("Person " + number));
        attributes.put("phone", List.of(String.format("+1 555 %04d", number % 10000)));
        attributes.put("role", values);
        return attributes;
    }

    // ---- setup ----

    /** A broker realm with the JIT IdP and its IdP realm; {@code realmRoles} realm roles besides the default role. */
    static SamlBrokerFixture brokerRealm(AdminApi admin, String name, List<String> realmRoles) {
        SamlBrokerFixture fixture = SamlBrokerFixture.create(admin, name, jitSettings().toConfig());
        cheapPasswords(admin, fixture.idpRealm());
        List<Map<String, Object>> roles = new ArrayList<>();
        roles.add(map("name", DEFAULT_ROLE));
        realmRoles.forEach(role -> roles.add(map("name", role)));
        for (int from = 0; from < roles.size(); from += IMPORT_CHUNK) {
            partialImport(admin, name, map("roles", map("realm", roles.subList(from, Math.min(roles.size(), from + IMPORT_CHUNK)))));
        }
        return fixture;
    }

    /** The small realm: the roles the values name, the client they name one of, and filler up to about 20 roles. */
    static SamlBrokerFixture small(AdminApi admin) {
        List<String> roles = new ArrayList<>(expectedRealmRoles());
        for (int i = 1; roles.size() < 20; i++) {
            roles.add(role(10_000 + i));
        }
        SamlBrokerFixture fixture = brokerRealm(admin, SMALL, roles);
        clients(admin, SMALL, List.of(CLIENT_WITH_ROLE));
        return fixture;
    }

    /** The large realm, imported in chunks; the stock IdP with its {@value #TABLE_SIZE} + 2 role mappers. */
    static SamlBrokerFixture large(AdminApi admin, int realmRoles, int clients, int groups) {
        Set<String> roles = new LinkedHashSet<>(expectedRealmRoles());
        IntStream.range(0, realmRoles).mapToObj(ScaleRealms::role).forEach(roles::add);
        IntStream.range(0, TABLE_SIZE).mapToObj(ScaleRealms::tableRole).forEach(roles::add);
        SamlBrokerFixture fixture = brokerRealm(admin, LARGE, new ArrayList<>(roles));
        List<String> clientIds = new ArrayList<>();
        for (int i = 0; i < Math.max(clients, 3); i++) {
            clientIds.add(client(i));
        }
        clients(admin, LARGE, clientIds);
        groups(admin, LARGE, groups);
        StockIdentityProvider.create(fixture, STOCK, stockMappers());
        return fixture;
    }

    /** What the JIT mapper does in the large realm, from Keycloak's parts: one role mapper per table entry and direct value. */
    static List<Map<String, Object>> stockMappers() {
        List<Map<String, Object>> mappers = new ArrayList<>(StockIdentityProvider.attributeImporters());
        for (int i = 0; i < TABLE_SIZE; i++) {
            mappers.add(StockIdentityProvider.roleMapper("table " + i, tableValue(i), tableRole(i)));
        }
        mappers.add(StockIdentityProvider.roleMapper("direct realm role", DIRECT_REALM_VALUE, DIRECT_REALM_ROLE));
        mappers.add(StockIdentityProvider.roleMapper("direct client role", DIRECT_CLIENT_VALUE, CLIENT_WITH_ROLE + ".reader"));
        mappers.add(StockIdentityProvider.hardcodedRole(DEFAULT_ROLE));
        return mappers;
    }

    /** A growth-curve realm: {@code roles} realm roles (role-00000 first, which the one real value names). */
    static SamlBrokerFixture growth(AdminApi admin, int roles) {
        return brokerRealm(admin, growthRealm(roles), IntStream.range(0, roles).mapToObj(ScaleRealms::role).toList());
    }

    static String growthRealm(int roles) {
        return "grow-" + roles;
    }

    private static void clients(AdminApi admin, String realm, List<String> clientIds) {
        for (int from = 0; from < clientIds.size(); from += IMPORT_CHUNK / 5) {
            List<String> chunk = clientIds.subList(from, Math.min(clientIds.size(), from + IMPORT_CHUNK / 5));
            List<Map<String, Object>> clients = new ArrayList<>();
            Map<String, Object> roles = new LinkedHashMap<>();
            for (String clientId : chunk) {
                clients.add(map("clientId", clientId, "enabled", true, "publicClient", true, "standardFlowEnabled", true,
                        "redirectUris", List.of("https://" + clientId + ".example.com/*")));
                roles.put(clientId, clientRoleNames().stream().map(name -> map("name", name)).toList());
            }
            partialImport(admin, realm, map("clients", clients));
            partialImport(admin, realm, map("roles", map("client", roles)));
        }
    }

    private static void groups(AdminApi admin, String realm, int count) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int top = 0; top * 10 < count; top++) {
            String name = String.format("group-%04d", top);
            List<Map<String, Object>> teams = new ArrayList<>();
            for (int team = 1; team < 10 && top * 10 + team < count; team++) {
                teams.add(map("name", "team-" + team, "path", "/" + name + "/team-" + team));
            }
            // Partial import finds a group it created by its path: without one it fails (NullPointerException).
            groups.add(map("name", name, "path", "/" + name, "subGroups", teams));
        }
        for (int from = 0; from < groups.size(); from += IMPORT_CHUNK / 10) {
            partialImport(admin, realm, map("groups", groups.subList(from, Math.min(groups.size(), from + IMPORT_CHUNK / 10))));
        }
    }

    private static void partialImport(AdminApi admin, String realm, Map<String, Object> content) {
        Map<String, Object> body = new LinkedHashMap<>(content);
        body.put("ifResourceExists", "SKIP");
        admin.post("/" + realm + "/partialImport", body).expect(200);
    }

    /** As in scenarios 1-5: the IdP realm stands in for an external IdP; its password hashing would dominate. */
    private static void cheapPasswords(AdminApi admin, String idpRealm) {
        @SuppressWarnings("unchecked")
        Map<String, Object> realm = admin.get("/" + idpRealm, Map.class);
        realm.put("passwordPolicy", "hashIterations(1)");
        admin.put("/" + idpRealm, realm).expect(204);
    }

    /** Creates IdP users {@code prefix + number} in parallel, each sending {@code values}. */
    static List<String> idpUsers(SamlBrokerFixture fixture, String prefix, int count, List<String> values) {
        List<String> names = IntStream.range(0, count).mapToObj(i -> BenchRealms.username(prefix, i)).toList();
        Load.parallel(count, 4, i -> fixture.idpUser(names.get(i), person(names.get(i), i, values)));
        return names;
    }

    static LoginResult login(SamlBrokerFixture fixture, String idpAlias, String username) {
        return SamlBrokerFixture.IDP_ALIAS.equals(idpAlias) ? fixture.login(username) : fixture.loginThrough(idpAlias, username);
    }
}
