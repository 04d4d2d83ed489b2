package io.jitprovisioning.testsupport;

import static io.jitprovisioning.testsupport.AdminApi.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.core.type.TypeReference;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.JitSettingsBuilder;


/**
 * Real SAML brokering inside one Keycloak: realm {@code <name>-idp} is the SAML identity provider (users whose
 * attributes its protocol mappers send in signed assertions), realm {@code <name>} brokers it with signature
 * validation on, the JIT mapper, and a first-broker-login flow made of the JIT step alone.
 */
public final class SamlBrokerFixture {

    public static final String IDP_ALIAS = "corp-idp";
    public static final String CLIENT_ID = SamlLogin.CLIENT_ID;
    public static final String REDIRECT_URI = SamlLogin.REDIRECT_URI;
    public static final String FLOW_ALIAS = "jit first broker login";
    public static final String PASSWORD = "password";
    public static final String MAPPER_NAME = "jit";

    /** SAML attribute name sent by the IdP realm, from the user attribute of the same name. */
    public static final List<String> SENT_ATTRIBUTES = List.of("role", "firstName", "lastName", "email", "displayName", "phone",
            "groups", "status");

    /**
     * JIT settings with IdP managed roles and every attribute the IdP realm sends mapped to its target: the product
     * page's mapping, extended to all six targets.
     */
    public static JitSettingsBuilder managedRolesMappingAllSent(String defaultRole) {
        return JitSettings.builder().set(JitConfigProperties.JIT_ENABLED, true).set(JitConfigProperties.DEFAULT_ROLE, defaultRole).set(JitConfigProperties.IDP_MANAGED_ROLES, true)
                .map("role", AttributeTarget.USER_ROLE)
                .map("firstName", AttributeTarget.USER_FIRST_NAME)
                .map("lastName", AttributeTarget.USER_LAST_NAME)
                .map("email", AttributeTarget.USER_EMAIL)
                .map("displayName", AttributeTarget.USER_DISPLAY_NAME)
                .map("phone", AttributeTarget.USER_PHONE_NUMBER);
    }

    private final AdminApi admin;
    private final String broker;
    private final String idp;

    private SamlBrokerFixture(AdminApi admin, String broker) {
        this.admin = admin;
        this.broker = broker;
        this.idp = broker + "-idp";
    }

    /** Both realms, wired together, with a JIT mapper holding {@code jitConfig}. */
    public static SamlBrokerFixture create(AdminApi admin, String name, Map<String, String> jitConfig) {
        SamlBrokerFixture fixture = new SamlBrokerFixture(admin, name);
        fixture.delete();
        fixture.createIdpRealm();
        fixture.createBrokerRealm();
        fixture.createIdentityProvider();
        fixture.configureJit(jitConfig);
        return fixture;
    }

    /**
     * Both realms, the IdP realm ready to send assertions for {@link #IDP_ALIAS}, but no identity provider in the
     * broker realm yet: for tests of the one-step setup, which creates it.
     */
    public static SamlBrokerFixture createWithoutIdentityProvider(AdminApi admin, String name) {
        SamlBrokerFixture fixture = new SamlBrokerFixture(admin, name);
        fixture.delete();
        fixture.createIdpRealm();
        fixture.createBrokerRealm();
        return fixture;
    }

    /** The IdP realm's SAML metadata, as an administrator downloads it from their identity provider. */
    public String idpMetadata() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(admin.baseUrl() + "/realms/" + idp + "/protocol/saml/descriptor")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new AdminApi.Reply(response.statusCode(), response.body(), null).expect(200).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String brokerRealm() {
        return broker;
    }

    public String idpRealm() {
        return idp;
    }

    public AdminApi admin() {
        return admin;
    }

    public String brokerEntityId() {
        return admin.baseUrl() + "/realms/" + broker;
    }

    public void delete() {
        new Deleter(admin, broker).delete();
    }

    // ---- identity provider side ----

    /** Creates or replaces a user of the IdP realm. */
    public void idpUser(String username, IdpPerson person) {
        idpUser(username, person.attributes());
    }

    /** Creates or replaces a user of the IdP realm. firstName, lastName and email go to the user's fields. */
    public void idpUser(String username, Map<String, List<String>> attributes) {
        UserRepresentation existing = findUser(idp, username);
        UserRepresentation user = existing == null ? new UserRepresentation() : existing;
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmailVerified(true);
        Map<String, List<String>> rest = new LinkedHashMap<>(attributes);
        user.setFirstName(first(rest.remove("firstName")));
        user.setLastName(first(rest.remove("lastName")));
        user.setEmail(first(rest.remove("email")));
        user.setAttributes(rest);
        if (existing == null) {
            user.setCredentials(List.of(password()));
            admin.post("/" + idp + "/users", user).expect(201);
        } else {
            admin.put("/" + idp + "/users/" + existing.getId(), user).expect(204);
        }
    }

    /**
     * Lets the IdP realm store anything (no length or format checks) in its users' names, email and the given
     * attributes, so that tests can send the garbage a broken or hostile IdP would.
     */
    @SuppressWarnings("unchecked")
    public void acceptAnythingInIdpUserProfile(String... attributes) {
        Map<String, Object> profile = admin.get("/" + idp + "/users/profile", Map.class);
        List<Map<String, Object>> declared = (List<Map<String, Object>>) profile.get("attributes");
        declared.forEach(attribute -> {
            attribute.remove("validations");
            attribute.remove("required");
        });
        for (String name : attributes) {
            declared.add(map("name", name, "multivalued", true, "permissions", map("view", List.of("admin"), "edit", List.of("admin"))));
        }
        admin.put("/" + idp + "/users/profile", profile).expect(200);
    }

    /** Adds a SAML attribute the IdP sends, from a user attribute. */
    public void sendAttribute(String samlName, String friendlyName, String userAttribute) {
        String clientUuid = clientUuid(idp, brokerEntityId());
        admin.post("/" + idp + "/clients/" + clientUuid + "/protocol-mappers/models", attributeMapper(samlName, friendlyName, userAttribute))
                .expect(201);
    }

    // ---- broker side ----

    public void configureJit(Map<String, String> jitConfig) {
        configureJit(IDP_ALIAS, jitConfig);
    }

    public void configureJit(String idpAlias, Map<String, String> jitConfig) {
        IdentityProviderMapperRepresentation mapper = jitMapper(idpAlias);
        Map<String, String> config = new LinkedHashMap<>(jitConfig);
        config.putIfAbsent("syncMode", "FORCE");
        if (mapper == null) {
            mapper = new IdentityProviderMapperRepresentation();
            mapper.setName(MAPPER_NAME);
            mapper.setIdentityProviderAlias(idpAlias);
            mapper.setIdentityProviderMapper("jit-provisioning-idp-mapper");
            mapper.setConfig(config);
            admin.post(idpPath(idpAlias) + "/mappers", mapper).expect(201);
        } else {
            mapper.setConfig(config);
            admin.put(idpPath(idpAlias) + "/mappers/" + mapper.getId(), mapper).expect(204);
        }
    }

    /**
     * A second SAML identity provider in the broker realm, with its own JIT mapper and the JIT first-login flow,
     * fed by the same IdP realm under another service-provider entity id (a client of its own there).
     */
    public void addJitIdentityProvider(String alias, Map<String, String> jitConfig) {
        String entityId = brokerEntityId() + "/" + alias;
        admin.post("/" + idp + "/clients", idpClient(entityId, alias)).expect(201);
        Map<String, String> config = importedIdpConfig();
        config.put("entityId", entityId);
        admin.post("/" + broker + "/identity-provider/instances", map("alias", alias, "displayName", alias, "providerId", "saml",
                "enabled", true, "trustEmail", false, "firstBrokerLoginFlowAlias", FLOW_ALIAS, "config", config)).expect(201);
        configureJit(alias, jitConfig);
    }

    public void removeJitMapper() {
        IdentityProviderMapperRepresentation mapper = jitMapper();
        if (mapper != null) {
            admin.delete(idpPath() + "/mappers/" + mapper.getId()).expect(204);
        }
    }

    public IdentityProviderMapperRepresentation jitMapper() {
        return jitMapper(IDP_ALIAS);
    }

    private IdentityProviderMapperRepresentation jitMapper(String idpAlias) {
        return admin.get(idpPath(idpAlias) + "/mappers", new TypeReference<List<IdentityProviderMapperRepresentation>>() {
        }).stream().filter(m -> MAPPER_NAME.equals(m.getName())).findFirst().orElse(null);
    }

    /** The certificate the IdP realm signs with, as the broker's IdP config holds it. */
    public String idpSigningCertificate() {
        return importedIdpConfig().get("signingCertificate");
    }

    /** Deletes the two realms of a fixture by name. */
    public record Deleter(AdminApi admin, String name) {
        public void delete() {
            admin.delete("/" + name);
            admin.delete("/" + name + "-idp");
        }
    }

    /** Changes settings of the identity provider itself (e.g. trustEmail, syncMode). */
    public void updateIdentityProvider(UnaryOperator<Map<String, Object>> change) {
        updateIdentityProvider(IDP_ALIAS, change);
    }

    public void updateIdentityProvider(String idpAlias, UnaryOperator<Map<String, Object>> change) {
        @SuppressWarnings("unchecked")
        Map<String, Object> idpRep = admin.get(idpPath(idpAlias), Map.class);
        admin.put(idpPath(idpAlias), change.apply(idpRep)).expect(204);
    }

    /** Switches Trust email on or off for an identity provider of the broker realm. */
    public void trustEmail(String idpAlias, boolean trusted) {
        updateIdentityProvider(idpAlias, idp -> {
            idp.put("trustEmail", trusted);
            return idp;
        });
    }

    public void createRealmRole(String name) {
        RoleRepresentation role = new RoleRepresentation();
        role.setName(name);
        admin.post("/" + broker + "/roles", role);
    }

    /** A realm role made of other roles (realm roles by name, client roles as clientId.role). */
    public void createCompositeRole(String name, List<String> composites) {
        createRealmRole(name);
        List<RoleRepresentation> parts = composites.stream()
                .map(part -> part.contains(".") ? clientRole(part.substring(0, part.indexOf('.')), part.substring(part.indexOf('.') + 1)) : realmRole(part))
                .toList();
        admin.post("/" + broker + "/roles/" + AdminApi.encode(name) + "/composites", parts).expect(204);
    }

    public RoleRepresentation clientRole(String clientId, String role) {
        return admin.get("/" + broker + "/clients/" + clientUuid(broker, clientId) + "/roles/" + AdminApi.encode(role), RoleRepresentation.class);
    }

    public RoleRepresentation realmRole(String name) {
        AdminApi.Reply reply = admin.get("/" + broker + "/roles/" + AdminApi.encode(name));
        return reply.status() == 200 ? reply.as(RoleRepresentation.class) : null;
    }

    /** Creates an account in the broker realm as an administrator would (an invitation), and returns its id. */
    public String createBrokerUser(String username, String email, boolean enabled) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName("Invited");
        user.setLastName("User");
        user.setEnabled(enabled);
        return admin.post("/" + broker + "/users", user).expect(201).createdId();
    }

    /** Creates an organization owning the verified {@code domain}, links the identity provider to it, and returns its id. */
    public String createOrganization(String alias, String domain) {
        return createOrganization(alias, domain, true, IDP_ALIAS);
    }

    /** Creates an organization owning {@code domain} (marked verified or not), linked to one identity provider. */
    public String createOrganization(String alias, String domain, boolean verified, String idpAlias) {
        String id = createOrganization(alias, domain, verified);
        admin.post("/" + broker + "/organizations/" + id + "/identity-providers", idpAlias).expect(204);
        return id;
    }

    /** Creates an organization owning {@code domain} (marked verified or not), with no identity provider; returns its id. */
    public String createOrganization(String alias, String domain, boolean verified) {
        @SuppressWarnings("unchecked")
        Map<String, Object> realm = admin.get("/" + broker, Map.class);
        realm.put("organizationsEnabled", true);
        admin.put("/" + broker, realm).expect(204);
        return admin.post("/" + broker + "/organizations", map("name", alias, "alias", alias,
                "domains", List.of(map("name", domain, "verified", verified)))).expect(201).createdId();
    }

    /** Links one more identity provider of the broker realm to an existing organization. */
    public void linkToOrganization(String organizationId, String idpAlias) {
        admin.post("/" + broker + "/organizations/" + organizationId + "/identity-providers", idpAlias).expect(204);
    }

    /** Enables or disables an organization, as an administrator does in the console. */
    public void organizationEnabled(String organizationId, boolean enabled) {
        @SuppressWarnings("unchecked")
        Map<String, Object> organization = admin.get("/" + broker + "/organizations/" + organizationId, Map.class);
        organization.put("enabled", enabled);
        admin.put("/" + broker + "/organizations/" + organizationId, organization).expect(204);
    }

    /** The names of the attributes declared in the broker realm's user profile. */
    @SuppressWarnings("unchecked")
    public List<String> declaredProfileAttributes() {
        Map<String, Object> profile = admin.get("/" + broker + "/users/profile", Map.class);
        return ((List<Map<String, Object>>) profile.get("attributes")).stream().map(attribute -> (String) attribute.get("name")).toList();
    }

    /** Links an account to an identity of an identity provider by hand, as an administrator can through the REST API. */
    public void linkByHand(String userId, String idpAlias, String brokerUserId) {
        admin.post("/" + broker + "/users/" + userId + "/federated-identity/" + idpAlias,
                map("identityProvider", idpAlias, "userId", brokerUserId, "userName", brokerUserId)).expect(204);
    }

    /** Sets the broker realm's unmanaged-attribute policy (ENABLED: users may edit any attribute of their own; null: off). */
    public void unmanagedAttributePolicy(String policy) {
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = admin.get("/" + broker + "/users/profile", Map.class);
        profile.put("unmanagedAttributePolicy", policy);
        admin.put("/" + broker + "/users/profile", profile).expect(200);
    }

    /** Gives an account a password, as self-registration or an administrator would: a way to sign in to it. */
    public void setPassword(String userId, String password) {
        admin.put("/" + broker + "/users/" + userId + "/reset-password",
                map("type", "password", "value", password, "temporary", false)).expect(204);
    }

    public void setEmailVerified(String userId, boolean verified) {
        UserRepresentation user = admin.get("/" + broker + "/users/" + userId, UserRepresentation.class);
        user.setEmailVerified(verified);
        admin.put("/" + broker + "/users/" + userId, user).expect(204);
    }

    /** Whether a password sign-in to the broker realm works (the resource-owner grant of its admin-cli client). */
    public boolean passwordSignInWorks(String username, String password) {
        String form = "grant_type=password&client_id=admin-cli&username=" + AdminApi.encode(username)
                + "&password=" + AdminApi.encode(password);
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(admin.baseUrl() + "/realms/" + broker + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public List<Map<String, Object>> sessionsOf(String userId) {
        return admin.get("/" + broker + "/users/" + userId + "/sessions", new TypeReference<List<Map<String, Object>>>() {
        });
    }

    public void logout(String userId) {
        admin.post("/" + broker + "/users/" + userId + "/logout", null).expect(204);
    }

    public void unlink(String userId, String idpAlias) {
        admin.delete("/" + broker + "/users/" + userId + "/federated-identity/" + idpAlias).expect(204);
    }

    /** What the extension records as granted by each identity provider: alias to role names. */
    public Map<String, List<String>> grantedRoles(String userId) {
        return admin.get("/" + broker + "/jit-provisioning/users/" + userId + "/provenance",
                new TypeReference<Map<String, Object>>() {
                }).entrySet().stream().filter(entry -> entry.getKey().equals("roles")).findFirst()
                .map(entry -> {
                    @SuppressWarnings("unchecked")
                    Map<String, List<String>> roles = (Map<String, List<String>>) entry.getValue();
                    return roles;
                }).orElse(Map.of());
    }

    /** A top-level group, or a subgroup when {@code parentId} is given; returns its id. */
    public String createGroup(String parentId, String name) {
        String path = parentId == null ? "/" + broker + "/groups" : "/" + broker + "/groups/" + parentId + "/children";
        return admin.post(path, map("name", name)).expect(201).createdId();
    }

    public void joinGroup(String userId, String groupId) {
        admin.put("/" + broker + "/users/" + userId + "/groups/" + groupId, null).expect(204);
    }

    public void grantGroupClientRole(String groupId, String clientId, String role) {
        admin.post("/" + broker + "/groups/" + groupId + "/role-mappings/clients/" + clientUuid(broker, clientId),
                List.of(clientRole(clientId, role))).expect(204);
    }

    public void removeRealmRole(String userId, String roleName) {
        admin.deleteWithBody("/" + broker + "/users/" + userId + "/role-mappings/realm", List.of(realmRole(roleName))).expect(204);
    }

    public boolean isOrganizationMember(String organizationId, String username) {
        return organizationMemberNames(organizationId).contains(username);
    }

    public void addOrganizationMember(String organizationId, String userId) {
        admin.post("/" + broker + "/organizations/" + organizationId + "/members", userId).expect(201);
    }

    public List<String> organizationMemberNames(String organizationId) {
        return admin.get("/" + broker + "/organizations/" + organizationId + "/members", new TypeReference<List<Map<String, Object>>>() {
        }).stream().map(member -> (String) member.get("username")).sorted().toList();
    }

    public UserRepresentation brokerUser(String username) {
        return findUser(broker, username);
    }

    public List<UserRepresentation> brokerUsers() {
        return admin.get("/" + broker + "/users?max=1000", new TypeReference<List<UserRepresentation>>() {
        });
    }

    /** The paths of the groups an account is a direct member of, sorted. */
    public List<String> groupsOf(String userId) {
        return admin.get("/" + broker + "/users/" + userId + "/groups?briefRepresentation=true",
                new TypeReference<List<Map<String, Object>>>() {
                }).stream().map(group -> (String) group.get("path")).sorted().toList();
    }

    public void leaveGroup(String userId, String groupId) {
        admin.delete("/" + broker + "/users/" + userId + "/groups/" + groupId).expect(204);
    }

    /** What the extension records as placed by each identity provider: alias to group paths. */
    public Map<String, List<String>> grantedGroups(String userId) {
        Map<String, Object> provenance = admin.get("/" + broker + "/jit-provisioning/users/" + userId + "/provenance",
                new TypeReference<Map<String, Object>>() {
                });
        @SuppressWarnings("unchecked")
        Map<String, List<String>> groups = (Map<String, List<String>>) provenance.getOrDefault("groups", Map.of());
        return groups;
    }

    public void grantGroupRealmRole(String groupId, String roleName) {
        admin.post("/" + broker + "/groups/" + groupId + "/role-mappings/realm", List.of(realmRole(roleName))).expect(204);
    }

    public List<String> realmRolesOf(String userId) {
        return admin.get("/" + broker + "/users/" + userId + "/role-mappings/realm", new TypeReference<List<RoleRepresentation>>() {
        }).stream().map(RoleRepresentation::getName).filter(name -> !name.startsWith("default-roles-")).sorted().toList();
    }

    public void grantRealmRole(String userId, String roleName) {
        admin.post("/" + broker + "/users/" + userId + "/role-mappings/realm", List.of(realmRole(roleName))).expect(204);
    }

    public List<Map<String, Object>> federatedIdentities(String userId) {
        return admin.get("/" + broker + "/users/" + userId + "/federated-identity", new TypeReference<List<Map<String, Object>>>() {
        });
    }

    public List<EventRepresentation> events(String type) {
        return admin.get("/" + broker + "/events?max=1000&type=" + type, new TypeReference<List<EventRepresentation>>() {
        });
    }

    public void clearEvents() {
        admin.delete("/" + broker + "/events").expect(204);
    }

    // ---- signing in ----

    public LoginResult login(String username) {
        return login(username, UnaryOperator.identity());
    }

    /** A full SP-initiated sign-in in a fresh browser; {@code tamper} may change the SAMLResponse form before it is posted. */
    public LoginResult login(String username, UnaryOperator<Map<String, String>> tamper) {
        return login(username, tamper, "");
    }

    /** A sign-in asking for the login pages in one language ({@code ui_locales}). */
    public LoginResult loginInLanguage(String username, String locale) {
        return login(username, UnaryOperator.identity(), "&ui_locales=" + locale);
    }

    /** A full sign-in through another identity provider that was added to the broker realm besides {@link #IDP_ALIAS}. */
    public LoginResult loginThrough(String idpAlias, String username) {
        return new SamlLogin(admin.baseUrl(), broker, idp, idpAlias).login(username, PASSWORD);
    }

    private LoginResult login(String username, UnaryOperator<Map<String, String>> tamper, String extraParameters) {
        return samlLogin().login(username, PASSWORD, tamper, extraParameters);
    }

    /** The sign-in through {@link #IDP_ALIAS}, for tests that capture or replay the IdP's response. */
    public SamlLogin samlLogin() {
        return samlLogin(IDP_ALIAS);
    }

    /** The sign-in through one identity provider of the broker realm, for tests that stop it halfway. */
    public SamlLogin samlLogin(String idpAlias) {
        return new SamlLogin(admin.baseUrl(), broker, idp, idpAlias);
    }

    /**
     * A second identity provider in the broker realm for the same IdP realm, with another service-provider entity id:
     * responses addressed to {@link #IDP_ALIAS} are for another audience and recipient there.
     */
    public void addIdentityProvider(String alias, String spEntityId) {
        Map<String, String> config = importedIdpConfig();
        config.put("entityId", spEntityId);
        admin.post("/" + broker + "/identity-provider/instances", map("alias", alias, "providerId", "saml", "enabled", true,
                "firstBrokerLoginFlowAlias", FLOW_ALIAS, "config", config)).expect(201);
    }

    /** The test application's access token for a successful login. */
    public String accessToken(LoginResult login) {
        HttpResponse<String> response = exchangeCode(login);
        return new AdminApi.Reply(response.statusCode(), response.body(), null).expect(200).json().get("access_token").asText();
    }

    /** The status with which the broker realm answers the application's code exchange. */
    public int tokenStatus(LoginResult login) {
        return exchangeCode(login).statusCode();
    }

    private HttpResponse<String> exchangeCode(LoginResult login) {
        String form = "grant_type=authorization_code&client_id=" + CLIENT_ID + "&redirect_uri=" + AdminApi.encode(REDIRECT_URI)
                + "&code=" + AdminApi.encode(login.code());
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(admin.baseUrl() + "/realms/" + broker + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Tries to change the signed-in user's attributes through the account REST API; returns the HTTP status. */
    public int accountApiUpdate(String accessToken, Map<String, List<String>> attributes) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI account = URI.create(admin.baseUrl() + "/realms/" + broker + "/account/");
            HttpResponse<String> current = http.send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + accessToken)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            @SuppressWarnings("unchecked")
            Map<String, Object> me = new AdminApi.Reply(current.statusCode(), current.body(), null).expect(200).as(Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) me.getOrDefault("attributes", Map.of()));
            merged.putAll(attributes);
            me.put("attributes", merged);
            return http.send(HttpRequest.newBuilder(account).header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "application/json").POST(AdminApi.json(me)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- setup ----

    private void createIdpRealm() {
        admin.post("", map("realm", idp, "enabled", true)).expect(201);
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = admin.get("/" + idp + "/users/profile", Map.class);
        profile.put("unmanagedAttributePolicy", "ENABLED");
        admin.put("/" + idp + "/users/profile", profile).expect(200);

        admin.post("/" + idp + "/clients", idpClient(brokerEntityId(), IDP_ALIAS)).expect(201);
    }

    /** The IdP realm's SAML client for one identity provider of the broker realm: signs, sends every attribute. */
    private Map<String, Object> idpClient(String spEntityId, String idpAlias) {
        List<Map<String, Object>> mappers = new ArrayList<>();
        for (String attribute : SENT_ATTRIBUTES) {
            mappers.add(attributeMapper(attribute, null, attribute));
        }
        String acs = brokerEntityId() + "/broker/" + idpAlias + "/endpoint";
        return map(
                "clientId", spEntityId,
                "protocol", "saml",
                "enabled", true,
                "frontchannelLogout", false,
                "redirectUris", List.of(acs),
                "attributes", map(
                        "saml.assertion.signature", "true",
                        "saml.server.signature", "true",
                        "saml.client.signature", "false",
                        "saml.authnstatement", "true",
                        "saml.signature.algorithm", "RSA_SHA256",
                        "saml_force_name_id_format", "true",
                        "saml_name_id_format", "username",
                        "saml_assertion_consumer_url_post", acs),
                "protocolMappers", mappers);
    }

    private void createBrokerRealm() {
        admin.post("", map("realm", broker, "enabled", true, "eventsEnabled", true,
                "internationalizationEnabled", true, "supportedLocales", List.of("en", "de", "fr"), "defaultLocale", "en")).expect(201);
        admin.post("/" + broker + "/clients", SamlLogin.testClient()).expect(201);
        admin.post("/" + broker + "/authentication/flows", map(
                "alias", FLOW_ALIAS, "providerId", "basic-flow", "topLevel", true, "builtIn", false)).expect(201);
        String flowPath = "/" + broker + "/authentication/flows/" + AdminApi.encode(FLOW_ALIAS).replace("+", "%20");
        admin.post(flowPath + "/executions/execution", map("provider", "jit-provisioning-authenticator")).expect(201);
        List<Map<String, Object>> executions = admin.get(flowPath + "/executions", new TypeReference<List<Map<String, Object>>>() {
        });
        Map<String, Object> execution = executions.get(0);
        execution.put("requirement", "REQUIRED");
        admin.put(flowPath + "/executions", execution).expect(204);
    }

    private Map<String, String> importedIdpConfig() {
        @SuppressWarnings("unchecked")
        Map<String, String> imported = admin.post("/" + broker + "/identity-provider/import-config",
                map("providerId", "saml", "fromUrl", admin.baseUrl() + "/realms/" + idp + "/protocol/saml/descriptor"))
                .expect(200).as(Map.class);
        Map<String, String> config = new LinkedHashMap<>(imported);
        config.put("validateSignature", "true");
        config.put("wantAssertionsSigned", "true");
        config.put("postBindingResponse", "true");
        config.put("postBindingAuthnRequest", "true");
        config.put("principalType", "SUBJECT");
        config.put("nameIDPolicyFormat", "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");
        config.put("syncMode", "IMPORT");
        return config;
    }

    private void createIdentityProvider() {
        Map<String, String> config = importedIdpConfig();
        admin.post("/" + broker + "/identity-provider/instances", map(
                "alias", IDP_ALIAS,
                "displayName", "Corp IdP",
                "providerId", "saml",
                "enabled", true,
                "trustEmail", false,
                "firstBrokerLoginFlowAlias", FLOW_ALIAS,
                "config", config)).expect(201);
    }

    private String idpPath() {
        return idpPath(IDP_ALIAS);
    }

    private String idpPath(String idpAlias) {
        return "/" + broker + "/identity-provider/instances/" + idpAlias;
    }

    private UserRepresentation findUser(String realm, String username) {
        return admin.get("/" + realm + "/users?exact=true&username=" + AdminApi.encode(username),
                new TypeReference<List<UserRepresentation>>() {
                }).stream().findFirst().orElse(null);
    }

    private String clientUuid(String realm, String clientId) {
        return admin.get("/" + realm + "/clients?clientId=" + AdminApi.encode(clientId), new TypeReference<List<Map<String, Object>>>() {
        }).get(0).get("id").toString();
    }

    private static Map<String, Object> attributeMapper(String samlName, String friendlyName, String userAttribute) {
        Map<String, Object> config = map(
                "user.attribute", userAttribute,
                "attribute.name", samlName,
                "attribute.nameformat", "Basic",
                "aggregate.attrs", "true");
        if (friendlyName != null) {
            config.put("friendly.name", friendlyName);
        }
        return map("name", "send " + samlName, "protocol", "saml", "protocolMapper", "saml-user-attribute-mapper", "config", config);
    }

    private static CredentialRepresentation password() {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType("password");
        credential.setValue(PASSWORD);
        credential.setTemporary(false);
        return credential;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
