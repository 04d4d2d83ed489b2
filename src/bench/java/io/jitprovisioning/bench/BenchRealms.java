package io.jitprovisioning.bench;

import static io.jitprovisioning.testsupport.AdminApi.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.type.TypeReference;

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
    static final String STOCK_FLOW = "stock first broker login";

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
        String entityId = fixture.brokerEntityId() + "/" + STOCK;
        String endpoint = fixture.brokerEntityId() + "/broker/" + STOCK + "/endpoint";
        copyIdpRealmClient(entityId, endpoint);
        createStockFlow();

        @SuppressWarnings("unchecked")
        Map<String, Object> idp = admin.get(idpPath(JIT), Map.class);
        idp.remove("internalId");
        idp.put("alias", STOCK);
        idp.put("displayName", "Stock mappers");
        idp.put("firstBrokerLoginFlowAlias", STOCK_FLOW);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) idp.get("config"));
        config.put("entityId", entityId);
        config.put("syncMode", "FORCE");
        idp.put("config", config);
        admin.post("/" + REALM + "/identity-provider/instances", idp).expect(201);

        for (Map<String, Object> mapper : stockMappers()) {
            admin.post(idpPath(STOCK) + "/mappers", mapper).expect(201);
        }
    }

    /** The IdP realm's SAML client for the JIT broker, copied (same keys, same attribute mappers) for another SP entity. */
    private void copyIdpRealmClient(String entityId, String endpoint) {
        String idpRealm = fixture.idpRealm();
        Map<String, Object> client = admin.get("/" + idpRealm + "/clients?clientId=" + AdminApi.encode(fixture.brokerEntityId()),
                new TypeReference<List<Map<String, Object>>>() {
                }).get(0);
        client.remove("id");
        client.put("clientId", entityId);
        client.put("redirectUris", List.of(endpoint));
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new LinkedHashMap<>((Map<String, Object>) client.get("attributes"));
        attributes.put("saml_assertion_consumer_url_post", endpoint);
        client.put("attributes", attributes);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mappers = (List<Map<String, Object>>) client.get("protocolMappers");
        List<Map<String, Object>> copies = new ArrayList<>();
        for (Map<String, Object> mapper : mappers) {
            Map<String, Object> copy = new LinkedHashMap<>(mapper);
            copy.remove("id");
            copies.add(copy);
        }
        client.put("protocolMappers", copies);
        admin.post("/" + idpRealm + "/clients", client).expect(201);
    }

    /** Keycloak's "Create User If Unique" alone: like the JIT step, it shows no page. */
    private void createStockFlow() {
        admin.post("/" + REALM + "/authentication/flows", map(
                "alias", STOCK_FLOW, "providerId", "basic-flow", "topLevel", true, "builtIn", false)).expect(201);
        String flowPath = "/" + REALM + "/authentication/flows/" + AdminApi.encode(STOCK_FLOW).replace("+", "%20");
        admin.post(flowPath + "/executions/execution", map("provider", "idp-create-user-if-unique")).expect(201);
        Map<String, Object> execution = admin.get(flowPath + "/executions", new TypeReference<List<Map<String, Object>>>() {
        }).get(0);
        execution.put("requirement", "REQUIRED");
        admin.put(flowPath + "/executions", execution).expect(204);
    }

    /** 5 Attribute Importers, 10 SAML Attribute to Role, 1 Hardcoded Role: what the JIT mapper does, built from parts. */
    static List<Map<String, Object>> stockMappers() {
        List<Map<String, Object>> mappers = new ArrayList<>();
        Map<String, String> imported = Map.of("firstName", "firstName", "lastName", "lastName", "email", "email",
                "displayName", "displayName", "phone", "phoneNumber");
        imported.forEach((samlName, userAttribute) -> mappers.add(mapper("import " + samlName, "saml-user-attribute-idp-mapper",
                map("attribute.name", samlName, "attribute.name.format", "ATTRIBUTE_FORMAT_BASIC",
                        "user.attribute", userAttribute, "syncMode", "INHERIT"))));
        for (int i = 0; i < ROLE_COUNT; i++) {
            mappers.add(mapper("role " + i, "saml-role-idp-mapper",
                    map("attribute.name", "role", "attribute.value", roleValue(i), "role", role(i), "syncMode", "INHERIT")));
        }
        mappers.add(mapper("default role", "oidc-hardcoded-role-idp-mapper", map("role", DEFAULT_ROLE, "syncMode", "INHERIT")));
        return mappers;
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, Object> config) {
        return map("name", name, "identityProviderAlias", STOCK, "identityProviderMapper", type, "config", config);
    }

    private static String idpPath(String alias) {
        return "/" + REALM + "/identity-provider/instances/" + alias;
    }

    /** Realm roles of a broker account other than the realm's default-roles composite, sorted. */
    List<String> realmRolesOf(String username) {
        var user = fixture.brokerUser(username);
        return user == null ? null : fixture.realmRolesOf(user.getId());
    }
}
