package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.jitprovisioning.compat.KeycloakRelease;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SetupLinkClient;
import io.jitprovisioning.testsupport.SharedKeycloak;

/**
 * SSO set up by an organization's own administrator, on a real Keycloak: the realm administrator's limits and
 * designations, the organization routes for a designated SSO administrator and for a setup link's holder, every
 * guardrail with nothing written, the audit trail, and a real JIT sign-in through an identity provider set up this way.
 * The organization "corp" (verified corp.test) gets the identity provider "corp-idp", the alias the IdP realm sends to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Organization SSO: an organization's own administrator sets up SAML with JIT, within the realm administrator's limits")
class OrganizationSsoIT {

    static final String ALIAS = SamlBrokerFixture.IDP_ALIAS;
    static final String SUFFIX = ALIAS.substring("corp-".length());
    static final String USER_PASSWORD = "Passw0rd-org-admin";

    SamlBrokerFixture fixture;
    AdminApi admin;
    String realm;
    String corp;
    String globex;
    String carolId;
    AdminApi carol;
    AdminApi gus;
    AdminApi mallory;

    @BeforeAll
    void setUp() {
        fixture = SamlBrokerFixture.createWithoutIdentityProvider(SharedKeycloak.admin(), "org-sso");
        admin = fixture.admin();
        realm = fixture.brokerRealm();
        List.of("developer", "support", "Agent").forEach(fixture::createRealmRole);
        fixture.createGroup(null, "customers");
        admin.put("/" + realm, map("realm", realm, "adminEventsEnabled", true, "adminEventsDetailsEnabled", true)).expect(204);
        corp = fixture.createOrganization("corp", "corp.test", true);
        globex = fixture.createOrganization("globex", "globex.test", true);
        carolId = member(corp, "carol", "carol@corp.test");
        designate(corp, carolId);
        designate(globex, member(globex, "gus", "gus@globex.test"));
        member(corp, "mallory", "mallory@corp.test");
        carol = admin.asRealmUser(realm, "carol", USER_PASSWORD);
        gus = admin.asRealmUser(realm, "gus", USER_PASSWORD);
        mallory = admin.asRealmUser(realm, "mallory", USER_PASSWORD);
        admin.put(org(corp) + "/limits", limits(List.of("developer", "support"), List.of("/customers"), 3)).expect(200);
    }

    @AfterAll
    void tearDown() {
        fixture.delete();
    }

    @Test
    @Order(1)
    @DisplayName("limits: the realm administrator's alone; an admin role or an unknown role is refused; nothing set offers Agent alone")
    void limitsAreTheRealmAdministrators() {
        assertThat(admin.get(org(globex) + "/limits").expect(200).json()).isEqualTo(json(limits(List.of("Agent"), List.of(), 3)));
        assertThat(carol.get(org(corp) + "/limits").status()).isEqualTo(403);
        assertThat(carol.put(org(corp) + "/limits", limits(List.of("developer", "support", "manager"), List.of(), 9)).status()).isEqualTo(403);
        assertThat(carol.get(base() + "/organization-defaults").status()).isEqualTo(403);

        assertThat(codes(admin.put(org(corp) + "/limits", limits(List.of("developer", "realm-management.realm-admin"), List.of(), 3))))
                .containsExactly("PROTECTED_OFFERED");
        assertThat(codes(admin.put(org(corp) + "/limits", limits(List.of("developer", "nosuchrole"), List.of(), 3))))
                .containsExactly("UNKNOWN_OFFERED");
        assertThat(codes(admin.put(org(corp) + "/limits", map("offeredRoles", List.of("developer"), "offeredGroups", List.of(),
                "maxIdentityProviders", 500)))).containsExactly("INVALID_LIMITS");

        assertThat(admin.get(org(corp) + "/limits").expect(200).json())
                .isEqualTo(json(limits(List.of("developer", "support"), List.of("/customers"), 3)));
    }

    @Test
    @Order(2)
    @DisplayName("designating: realm administrator only; a user who is no member of the organization is NOT_A_MEMBER")
    void designationNeedsMembership() {
        String outsider = fixture.createBrokerUser("olive", "olive@elsewhere.test", true);
        assertThat(codes(admin.put(org(corp) + "/administrators/" + outsider, map()))).containsExactly("NOT_A_MEMBER");
        assertThat(carol.put(org(corp) + "/administrators/" + outsider, map()).status()).isEqualTo(403);
        assertThat(admin.get(org(corp) + "/administrators").expect(200).json().findValuesAsText("username")).containsExactly("carol");
    }

    @Test
    @Order(3)
    @DisplayName("another organization's administrator, an undesignated member, and the realm-level routes: 404 or 403, nothing written")
    void nobodyElseGetsIn() {
        List<String> before = idpAliases();
        assertThat(gus.get(org(corp) + "/identity-providers").status()).isEqualTo(404);
        assertThat(gus.post(org(corp) + "/identity-providers", body(Map.of())).status()).isEqualTo(404);
        assertThat(gus.post(org(corp) + "/setup-links", map()).status()).isEqualTo(404);
        assertThat(gus.get(org("no-such-organization") + "/identity-providers").status())
                .as("the same answer for an organization that does not exist").isEqualTo(404);
        assertThat(mallory.get(org(corp) + "/identity-providers").status()).isEqualTo(404);
        assertThat(carol.post(base() + "/identity-providers", map("alias", "carols", "metadata", fixture.idpMetadata())).status())
                .isEqualTo(403);
        assertThat(carol.get("/" + realm + "/identity-provider/instances").status()).isEqualTo(403);
        assertThat(idpAliases()).isEqualTo(before);
    }

    @Test
    @Order(4)
    @DisplayName("guardrails: a role outside the limits, a protected role, Trust email, a foreign domain: refused with nothing written")
    void guardrailsRefuseAndWriteNothing() {
        List<String> before = idpAliases();
        assertThat(codes(carol.post(org(corp) + "/identity-providers", body(Map.of("defaultRole", "Agent"))))).containsExactly("NOT_OFFERED");
        assertThat(codes(carol.post(org(corp) + "/identity-providers", body(Map.of("idpManagedRoles", true,
                "attributeMapping", Map.of("role", "USER_ROLE"), "roleValues", Map.of("Admins", "realm-management.realm-admin"))))))
                .contains("NOT_OFFERED");
        assertThat(codes(carol.post(org(corp) + "/identity-providers", body(Map.of("trustEmail", true))))).containsExactly("UNKNOWN_FIELD");
        assertThat(codes(carol.post(org(corp) + "/identity-providers", body(Map.of("assignableRoles", List.of("developer", "Agent"))))))
                .containsExactly("UNKNOWN_FIELD");
        assertThat(codes(carol.post(org(corp) + "/identity-providers", body(Map.of("allowedEmailDomains", List.of("globex.test"))))))
                .containsExactly("NOT_ORGANIZATION_DOMAIN");
        assertThat(codes(carol.post(org(corp) + "/identity-providers", body(Map.of("groupValues", Map.of("Staff", "/staff"))))))
                .contains("UNKNOWN_GROUP");
        assertThat(idpAliases()).isEqualTo(before);
        assertThat(organizationEvents(corp)).as("a refusal records no change").noneMatch(event -> event.path("operationType").asText().equals("CREATE")
                && event.path("resourceType").asText().equals("IDENTITY_PROVIDER"));
    }

    @Test
    @Order(5)
    @DisplayName("too many identity providers: TOO_MANY_IDENTITY_PROVIDERS, nothing written")
    void tooManyIdentityProviders() {
        admin.put(org(globex) + "/limits", limits(List.of("Agent"), List.of(), 1)).expect(200);
        gus.post(org(globex) + "/identity-providers", map("metadata", fixture.idpMetadata(), "defaultRole", "Agent", "aliasSuffix", "one"))
                .expect(201);
        List<String> before = idpAliases();
        assertThat(codes(gus.post(org(globex) + "/identity-providers", map("metadata", fixture.idpMetadata(), "defaultRole", "Agent",
                "aliasSuffix", "two")))).containsExactly("TOO_MANY_IDENTITY_PROVIDERS");
        assertThat(idpAliases()).isEqualTo(before).contains("globex-one").doesNotContain("globex-two");
        JsonNode created = admin.get("/" + realm + "/identity-provider/instances/globex-one").expect(200).json();
        assertThat(created.get("enabled").asBoolean()).as("off until enabled").isFalse();
        assertThat(created.get("organizationId").asText()).isEqualTo(globex);
        assertThat(created.path("trustEmail").asBoolean()).isFalse();
        assertThat(created.get("config").get("validateSignature").asText()).isEqualTo("true");
        gus.delete(org(globex) + "/identity-providers/globex-one").expect(204);
        assertThat(idpAliases()).doesNotContain("globex-one");
    }

    @Test
    @Order(6)
    @DisplayName("setup links: of A only; expired 410, revoked 410, one character changed 404; the secret never listed")
    void setupLinks() {
        JsonNode link = carol.post(org(corp) + "/setup-links", map("expiresInHours", 1)).expect(201).json();
        String url = link.get("url").asText();
        String secret = url.substring(url.lastIndexOf('/') + 1);
        assertThat(secret).hasSize(43);
        assertThat(carol.get(org(corp) + "/setup-links").expect(200).body()).contains(link.get("id").asText()).doesNotContain(secret);
        assertThat(codes(carol.post(org(corp) + "/setup-links", map("expiresInHours", 24 * 31)))).containsExactly("INVALID_EXPIRY");

        assertThat(holder(secret).get("/identity-providers").statusCode()).isEqualTo(200);
        JsonNode globexIdp = admin.post(org(globex) + "/identity-providers", map("metadata", fixture.idpMetadata(), "defaultRole", "Agent",
                "aliasSuffix", "b")).expect(201).json();
        assertThat(holder(secret).get("/identity-providers/globex-b").statusCode()).as("B's IdP through A's link").isEqualTo(404);
        assertThat(holder(secret).delete("/identity-providers/globex-b").statusCode()).isEqualTo(404);
        assertThat(idpAliases()).contains("globex-b");
        admin.delete(org(globex) + "/identity-providers/" + globexIdp.get("identityProvider").get("alias").asText()).expect(204);

        char last = secret.charAt(secret.length() - 1);
        String changed = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThat(holder(changed).get("/identity-providers").statusCode()).isEqualTo(404);
        int expired = SharedKeycloak.clock().ahead(Duration.ofHours(2), () -> holder(secret).get("/identity-providers").statusCode());
        assertThat(expired).isEqualTo(410);

        carol.delete(org(corp) + "/setup-links/" + link.get("id").asText()).expect(204);
        HttpResponse<String> revoked = holder(secret).get("/identity-providers");
        assertThat(revoked.statusCode()).isEqualTo(410);
        assertThat(revoked.body()).contains("LINK_REVOKED").doesNotContain("corp");
    }

    @Test
    @Order(7)
    @DisplayName("end to end: link, IdP from metadata, enable, a real JIT sign-in: a member of corp with the offered role; all audited")
    void linkToSignIn() {
        JsonNode link = carol.post(org(corp) + "/setup-links", map()).expect(201).json();
        String secret = link.get("url").asText().substring(link.get("url").asText().lastIndexOf('/') + 1);
        String linkActor = "setup-link:" + link.get("id").asText();

        HttpResponse<String> created = holder(secret).post("/identity-providers", map("metadata", fixture.idpMetadata(), "aliasSuffix", SUFFIX,
                "displayName", "Corp SSO", "defaultRole", "developer", "allowedEmailDomains", List.of("corp.test")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        fixture.idpUser("newhire", IdpPerson.named("New", "Hire").email("newhire@corp.test"));
        assertThat(fixture.login("newhire").isLoggedIn()).as("off until enabled").isFalse();
        assertThat(fixture.brokerUser("newhire")).isNull();

        assertThat(holder(secret).put("/identity-providers/" + ALIAS, map("enabled", true)).statusCode()).isEqualTo(200);
        LoginResult login = fixture.login("newhire");

        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        assertThat(login.pagesShownByBroker(fixture.idpRealm())).isEmpty();
        assertThat(fixture.isOrganizationMember(corp, "newhire")).isTrue();
        assertThat(fixture.realmRolesOf(fixture.brokerUser("newhire").getId())).contains("developer").doesNotContain("support", "Agent");

        List<JsonNode> events = organizationEvents(corp);
        assertThat(events).anySatisfy(event -> {
            assertThat(event.get("operationType").asText()).isEqualTo("CREATE");
            assertThat(event.get("resourcePath").asText()).isEqualTo("organizations/" + corp + "/identity-providers/" + ALIAS);
            assertThat(event.get("details").get("actor").asText()).isEqualTo(linkActor);
            assertThat(event.get("authDetails").get("userId").asText()).isEqualTo(linkActor);
            assertThat(event.get("representation").asText()).contains("\"defaultRole\":\"developer\"").doesNotContain("EntityDescriptor");
        });
        assertThat(events).anySatisfy(event -> assertThat(event.get("resourcePath").asText())
                .isEqualTo("organizations/" + corp + "/setup-links/" + link.get("id").asText()));
        assertThat(events.toString()).doesNotContain(secret);
    }

    @Test
    @Order(8)
    @DisplayName("the preview through the organization routes tells nothing that depends on the realm's accounts")
    void previewIsWithheld() {
        JsonNode preview = carol.post(org(corp) + "/identity-providers/" + ALIAS + "/preview",
                map("nameId", "newhire", "attributes", map("email", List.of("newhire@corp.test")))).expect(200).json();
        assertThat(preview.get("decision").get("outcome").asText()).isEqualTo("withheld");
    }

    @Test
    @Order(9)
    @DisplayName("new limits reach the organization's identity provider at once: its allowlists, and a default role no longer offered")
    void newLimitsReachTheIdentityProviders() {
        admin.put(org(corp) + "/limits", limits(List.of("support"), List.of(), 3)).expect(200);
        JsonNode settings = admin.get(org(corp) + "/identity-providers/" + ALIAS).expect(200).json().get("settings");
        assertThat(settings.get("assignableRoles").toString()).isEqualTo("[\"support\"]");
        assertThat(settings.get("assignableGroups").toString()).isEqualTo("[]");
        assertThat(settings.get("defaultRole").asText()).isEqualTo("support");
        fixture.idpUser("second", IdpPerson.named("Second", "Hire").email("second@corp.test"));
        assertThat(fixture.login("second").isLoggedIn()).isTrue();
        assertThat(fixture.realmRolesOf(fixture.brokerUser("second").getId())).contains("support").doesNotContain("developer");
        admin.put(org(corp) + "/limits", limits(List.of("developer", "support"), List.of("/customers"), 3)).expect(200);
    }

    @Test
    @Order(10)
    @DisplayName("an SSO administrator removed from the organization loses the right at once, and does not get it back by rejoining")
    void leavingTheOrganizationEndsTheRight() {
        assertThat(carol.get(org(corp) + "/identity-providers").status()).isEqualTo(200);
        admin.delete("/" + realm + "/organizations/" + corp + "/members/" + carolId).expect(204);
        assertThat(carol.get(org(corp) + "/identity-providers").status()).isEqualTo(404);
        fixture.addOrganizationMember(corp, carolId);
        assertThat(carol.get(org(corp) + "/identity-providers").status()).isEqualTo(404);
        assertThat(admin.get(org(corp) + "/administrators").expect(200).json()).isEmpty();
    }

    @Test
    @Order(11)
    @DisplayName("Keycloak 26.7: whoever Keycloak lets manage organizations may act on one; earlier releases have no such permission")
    void keycloaksOwnOrganizationPermission() {
        String id = fixture.createBrokerUser("orla", "orla@elsewhere.test", true);
        fixture.setPassword(id, USER_PASSWORD);
        AdminApi orla = admin.asRealmUser(realm, "orla", USER_PASSWORD);
        boolean has267 = SharedKeycloak.release().compareTo(new KeycloakRelease(26, 7)) >= 0;
        String realmManagement = admin.get("/" + realm + "/clients?clientId=realm-management").expect(200).json().get(0).get("id").asText();
        AdminApi.Reply role = admin.get("/" + realm + "/clients/" + realmManagement + "/roles/manage-organizations");
        assertThat(role.status()).as("manage-organizations exists from 26.7 on").isEqualTo(has267 ? 200 : 404);
        assertThat(orla.get(org(corp) + "/identity-providers").status()).isEqualTo(404);
        if (has267) {
            admin.post("/" + realm + "/users/" + id + "/role-mappings/clients/" + realmManagement, List.of(role.json())).expect(204);
            assertThat(orla.get(org(corp) + "/identity-providers").status()).isEqualTo(200);
            assertThat(orla.get(org(corp) + "/limits").status()).as("limits stay the realm administrator's").isEqualTo(403);
        }
    }

    @Test
    @Order(12)
    @DisplayName("Keycloak 26.7, fine-grained admin permissions v2: a permission to manage corp gives corp's SSO, not globex's")
    void fineGrainedPermissionOnOneOrganization() {
        String id = fixture.createBrokerUser("oscar", "oscar@elsewhere.test", true);
        fixture.setPassword(id, USER_PASSWORD);
        AdminApi oscar = admin.asRealmUser(realm, "oscar", USER_PASSWORD);
        if (SharedKeycloak.release().compareTo(new KeycloakRelease(26, 7)) < 0) {
            assertThat(oscar.get(org(corp) + "/identity-providers").status()).as("no organization permissions before 26.7").isEqualTo(404);
            return;
        }
        admin.put("/" + realm, map("realm", realm, "adminPermissionsEnabled", true)).expect(204);
        String permissions = admin.get("/" + realm + "/clients?clientId=admin-permissions").expect(200).json().get(0).get("id").asText();
        String authz = "/" + realm + "/clients/" + permissions + "/authz/resource-server";
        String policy = admin.post(authz + "/policy/user", map("name", "oscar", "users", List.of(id))).expect(201).json().get("id").asText();
        admin.post(authz + "/permission/scope", map("name", "oscar manages corp", "resourceType", "Organizations",
                "resources", List.of(corp), "scopes", List.of("manage"), "policies", List.of(policy))).expect(201);

        assertThat(oscar.get(org(corp) + "/identity-providers").status()).isEqualTo(200);
        assertThat(oscar.get(org(globex) + "/identity-providers").status()).isEqualTo(404);
        assertThat(oscar.get(org(corp) + "/administrators").status()).isEqualTo(403);
        assertThat(oscar.get("/" + realm + "/identity-provider/instances").status()).isEqualTo(403);
    }

    // ---- helpers ----

    private String member(String organization, String username, String email) {
        String id = fixture.createBrokerUser(username, email, true);
        fixture.setPassword(id, USER_PASSWORD);
        fixture.addOrganizationMember(organization, id);
        return id;
    }

    private void designate(String organization, String userId) {
        admin.put(org(organization) + "/administrators/" + userId, map()).expect(204);
    }

    private String base() {
        return "/" + realm + "/jit-provisioning";
    }

    private String org(String organizationId) {
        return base() + "/organizations/" + organizationId;
    }

    private Map<String, Object> body(Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(map("metadata", fixture.idpMetadata(), "defaultRole", "developer",
                "aliasSuffix", SUFFIX));
        body.putAll(extra);
        return body;
    }

    private static Map<String, Object> limits(List<String> roles, List<String> groups, int max) {
        return map("offeredRoles", roles, "offeredGroups", groups, "maxIdentityProviders", max);
    }

    private static JsonNode json(Object value) {
        return new ObjectMapper().valueToTree(value);
    }

    private static List<String> codes(AdminApi.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(400, 499);
        return reply.json().get("errors").findValuesAsText("code");
    }

    private List<String> idpAliases() {
        return admin.get("/" + realm + "/identity-provider/instances").expect(200).json().findValuesAsText("alias");
    }

    private List<JsonNode> organizationEvents(String organizationId) {
        JsonNode events = admin.get("/" + realm + "/admin-events?resourcePath=" + AdminApi.encode("organizations/" + organizationId + "/*")
                + "&max=200").expect(200).json();
        List<JsonNode> list = new ArrayList<>();
        events.forEach(list::add);
        return list;
    }

    private SetupLinkClient holder(String secret) {
        return new SetupLinkClient(admin.baseUrl() + "/realms/" + realm + "/jit-provisioning/setup/" + secret);
    }
}
