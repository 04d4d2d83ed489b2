package io.jitprovisioning.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.JitSettingsBuilder;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * The benchmark's realms: the integration fixture (IdP realm {@code bench-idp}, broker realm {@code bench} whose
 * IdP {@code corp-idp} carries the JIT mapper and JIT first-login step), plus a second SAML IdP {@code stock} in the
 * same broker realm, configured the way an administrator would with Keycloak's built-in mappers only.
 */
final class BenchRealms {

    static final String REALM = "bench";
    static final String JIT = SamlBrokerFixture.IDP_ALIAS;
    static final String STOCK = "stock";
    static final String DEFAULT_ROLE = "support";
    static final int ROLE_COUNT = 10;

    private final SamlBrokerFixture fixture;
    private final AdminApi admin;

    private BenchRealms(SamlBrokerFixture fixture) {
        this.fixture = fixture;
        this.admin = fixture.admin();
    }

    static BenchRealms create(AdminApi admin) {
        BenchRealms realms = new BenchRealms(SamlBrokerFixture.create(admin, REALM, jitSettings().toConfig()));
        realms.cheapIdpPasswords();
        realms.fixture.createRealmRole(DEFAULT_ROLE);
        for (int i = 0; i < ROLE_COUNT; i++) {
            realms.fixture.createRealmRole(role(i));
        }
        realms.createStockIdentityProvider();
        return realms;
    }

    /** The JIT mapper: IdP managed roles, five profile attributes and the role attribute, a 10-entry role table. */
    static JitSettings jitSettings() {
        JitSettingsBuilder builder = SamlBrokerFixture.managedRolesMappingAllSent(DEFAULT_ROLE);
        for (int i = 0; i < ROLE_COUNT; i++) {
            builder.roleValue(roleValue(i), role(i));
        }
        return builder.build();
    }

    /** The IdP's value for the i-th entry of the role table. */
    static String roleValue(int i) {
        return "Department " + i;
    }

    static String role(int i) {
        return "role-" + i;
    }

    SamlBrokerFixture fixture() {
        return fixture;
    }

    AdminApi admin() {
        return admin;
    }

    LoginResult login(String idpAlias, String username) {
        return JIT.equals(idpAlias) ? fixture.login(username) : fixture.loginThrough(idpAlias, username);
    }

    /** An IdP user with the five profile attributes and one role value; the email follows the username. */
    void idpUser(String username, int personNumber, int roleIndex) {
        fixture.idpUser(username, person(username, personNumber, roleIndex));
    }

    static Map<String, List<String>> person(String username, int personNumber, int roleIndex) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("firstName", List.of("First" + personNumber));
        attributes.put("lastName", List.of("Last" + personNumber));
        attributes.put("email", List.of(username + "@example.org"));
        attributes.put("displayName", List.of("Person " + personNumber));
        attributes.put("phone", List.of(String.format("+1 555 %04d", personNumber % 10000)));
        attributes.put("role", List.of(roleValue(roleIndex)));
        return attributes;
    }

    /** Creates IdP users {@code prefix + number} in parallel; user i has role value i mod 10. */
    List<String> idpUsers(String prefix, int count) {
        List<String> names = IntStream.range(0, count).mapToObj(i -> username(prefix, i)).toList();
        Load.parallel(count, 4, i -> idpUser(names.get(i), i, i % ROLE_COUNT));
        return names;
    }

    static String username(String prefix, int i) {
        return String.format("%s%05d", prefix, i);
    }

    /** Signs out every session of both realms, so that memory held by sessions does not count as growth. */
    void logoutEverybody() {
        admin.post("/" + fixture.brokerRealm() + "/logout-all", "").expect(200);
        admin.post("/" + fixture.idpRealm() + "/logout-all", "").expect(200);
    }

    /**
     * The IdP realm stands in for an external IdP: its password hashing (210,000 PBKDF2 rounds by default, the
     * same for both brokers) would otherwise dominate every login and hide the broker's share.
     */
    private void cheapIdpPasswords() {
        @SuppressWarnings("unchecked")
        Map<String, Object> realm = admin.get("/" + fixture.idpRealm(), Map.class);
        realm.put("passwordPolicy", "hashIterations(1)");
        admin.put("/" + fixture.idpRealm(), realm).expect(204);
    }

    private void createStockIdentityProvider() {
        StockIdentityProvider.create(fixture, STOCK, stockMappers());
    }

    /** 5 Attribute Importers, 10 SAML Attribute to Role, 1 Hardcoded Role: what the JIT mapper does, built from parts. */
    static List<Map<String, Object>> stockMappers() {
        List<Map<String, Object>> mappers = new ArrayList<>(StockIdentityProvider.attributeImporters());
        for (int i = 0; i < ROLE_COUNT; i++) {
            mappers.add(StockIdentityProvider.roleMapper("role " + i, roleValue(i), role(i)));
        }
        mappers.add(StockIdentityProvider.hardcodedRole(DEFAULT_ROLE));
        return mappers;
    }

    /** Realm roles of a broker account other than the realm's default-roles composite, sorted. */
    List<String> realmRolesOf(String username) {
        var user = fixture.brokerUser(username);
        return user == null ? null : fixture.realmRolesOf(user.getId());
    }
}
