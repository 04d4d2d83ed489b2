package io.jitprovisioning.bench;

import static io.jitprovisioning.testsupport.AdminApi.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * A second SAML identity provider in a fixture's broker realm, for the same IdP realm, configured the way an
 * administrator would with Keycloak's built-in mappers only: sync mode FORCE, and Keycloak's first-broker-login
 * step "Create User If Unique" alone (like the JIT step, it shows no page).
 */
final class StockIdentityProvider {

    static final String FLOW = "stock first broker login";

    private StockIdentityProvider() {
    }

    /** Creates the IdP {@code alias} with {@code mappers} (each a map with name, type and config). */
    static void create(SamlBrokerFixture fixture, String alias, List<Map<String, Object>> mappers) {
        AdminApi admin = fixture.admin();
        String realm = fixture.brokerRealm();
        String entityId = fixture.brokerEntityId() + "/" + alias;
        String endpoint = fixture.brokerEntityId() + "/broker/" + alias + "/endpoint";
        copyIdpRealmClient(fixture, entityId, endpoint);
        createFlow(admin, realm);

        @SuppressWarnings("unchecked")
        Map<String, Object> idp = admin.get(idpPath(realm, SamlBrokerFixture.IDP_ALIAS), Map.class);
        idp.remove("internalId");
        idp.put("alias", alias);
        idp.put("displayName", "Stock mappers");
        idp.put("firstBrokerLoginFlowAlias", FLOW);
        @SuppressWarnings("unchecked")
        Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) idp.get("config"));
        config.put("entityId", entityId);
        config.put("syncMode", "FORCE");
        idp.put("config", config);
        admin.post("/" + realm + "/identity-provider/instances", idp).expect(201);

        Load.parallel(mappers.size(), 4, i -> {
            Map<String, Object> withAlias = new LinkedHashMap<>(mappers.get(i));
            withAlias.put("identityProviderAlias", alias);
            admin.post(idpPath(realm, alias) + "/mappers", withAlias).expect(201);
        });
    }

    static Map<String, Object> mapper(String name, String type, Map<String, Object> config) {
        return map("name", name, "identityProviderMapper", type, "config", config);
    }

    /** The five Attribute Importers for what the JIT mapper maps to the profile. */
    static List<Map<String, Object>> attributeImporters() {
        List<Map<String, Object>> mappers = new ArrayList<>();
        Map<String, String> imported = new LinkedHashMap<>();
        imported.put("firstName", "firstName");
        imported.put("lastName", "lastName");
        imported.put("email", "email");
        imported.put("displayName", "displayName");
        imported.put("phone", "phoneNumber");
        imported.forEach((samlName, userAttribute) -> mappers.add(mapper("import " + samlName, "saml-user-attribute-idp-mapper",
                map("attribute.name", samlName, "attribute.name.format", "ATTRIBUTE_FORMAT_BASIC",
                        "user.attribute", userAttribute, "syncMode", "INHERIT"))));
        return mappers;
    }

    /** One "SAML Attribute to Role" mapper: the attribute {@code role} with exactly {@code value} grants {@code role}. */
    static Map<String, Object> roleMapper(String name, String value, String role) {
        return mapper(name, "saml-role-idp-mapper", map("attribute.name", "role", "attribute.value", value, "role", role, "syncMode", "INHERIT"));
    }

    static Map<String, Object> hardcodedRole(String role) {
        return mapper("default role", "oidc-hardcoded-role-idp-mapper", map("role", role, "syncMode", "INHERIT"));
    }

    /** The IdP realm's SAML client for the JIT broker, copied (same keys, same attribute mappers) for another SP entity. */
    private static void copyIdpRealmClient(SamlBrokerFixture fixture, String entityId, String endpoint) {
        AdminApi admin = fixture.admin();
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
    private static void createFlow(AdminApi admin, String realm) {
        admin.post("/" + realm + "/authentication/flows", map(
                "alias", FLOW, "providerId", "basic-flow", "topLevel", true, "builtIn", false)).expect(201);
        String flowPath = "/" + realm + "/authentication/flows/" + AdminApi.encode(FLOW).replace("+", "%20");
        admin.post(flowPath + "/executions/execution", map("provider", "idp-create-user-if-unique")).expect(201);
        Map<String, Object> execution = admin.get(flowPath + "/executions", new TypeReference<List<Map<String, Object>>>() {
        }).get(0);
        execution.put("requirement", "REQUIRED");
        admin.put(flowPath + "/executions", execution).expect(204);
    }

    private static String idpPath(String realm, String alias) {
        return "/" + realm + "/identity-provider/instances/" + alias;
    }
}
