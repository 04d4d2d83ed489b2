package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.JitSettingsBuilder;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * The JIT settings name roles and groups; renaming one through Keycloak's admin REST API (as the console does)
 * rewrites every JIT mapper of the realm that names it, in the same request, as Keycloak's own mappers follow
 * renames. Deleting one leaves the setting naming nothing, which the REST API and the preview report. Each case
 * then signs in for real, through signed SAML.
 */
@DisplayName("Settings follow renames: renamed roles, clients and groups are followed, deleted ones reported")
class SettingsFollowRenamesIT {

    static final String SECOND_IDP = "renames-second";

    static SamlBrokerFixture fixture;
    static AdminApi admin;
    static String realm;

    @BeforeAll
    static void setUp() {
        fixture = GroupsAndGatesIT.fixture("renames", base().build());
        admin = fixture.admin();
        realm = "/" + fixture.brokerRealm();
    }

    @AfterAll
    static void tearDown() {
        fixture.delete();
    }

    /** The group tests' settings without their group-value table, whose groups this realm does not have. */
    static JitSettingsBuilder base() {
        return GroupsAndGatesIT.settings().set(JitConfigProperties.GROUP_VALUES, Map.of());
    }

    static JitSettings settingsOf(IdentityProviderMapperRepresentation mapper) {
        return JitSettings.from(mapper.getConfig());
    }

    static JitSettings stored() {
        return settingsOf(fixture.jitMapper());
    }

    static String roleId(String name) {
        return admin.get(realm + "/roles/" + AdminApi.encode(name)).expect(200).json().get("id").asText();
    }

    static AdminApi.Reply renameRole(String roleId, String newName) {
        return admin.put(realm + "/roles-by-id/" + roleId, map("name", newName));
    }

    static String createClient(String clientId, String role) {
        String uuid = admin.post(realm + "/clients", map("clientId", clientId, "enabled", true)).expect(201).createdId();
        admin.post(realm + "/clients/" + uuid + "/roles", map("name", role)).expect(201);
        return uuid;
    }

    static void renameGroup(String groupId, String newName) {
        Map<String, Object> group = admin.get(realm + "/groups/" + groupId, new TypeReference<Map<String, Object>>() {
        });
        group.put("name", newName);
        admin.put(realm + "/groups/" + groupId, group).expect(204);
    }

    /** Keycloak's move: the group posted, by id, among the new parent's children. */
    static void moveGroup(String groupId, String name, String newParentId) {
        admin.post(realm + "/groups/" + newParentId + "/children", map("id", groupId, "name", name)).expect(204);
    }

    static LoginResult signIn(String username, List<String> roles, String... groups) {
        fixture.idpUser(username, IdpPerson.named(username, "Grouped").email(username + "@acme.test")
                .roles(roles.toArray(String[]::new)).groups(groups).status("active"));
        LoginResult login = fixture.login(username);
        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        return login;
    }

    static String userId(String username) {
        return fixture.brokerUser(username).getId();
    }

    static String idpPath() {
        return realm + "/jit-provisioning/identity-providers/" + SamlBrokerFixture.IDP_ALIAS;
    }

    /** {@code settings.problems} of {@code GET /identity-providers/{alias}}: sentences. */
    static List<String> restProblems() {
        List<String> problems = new ArrayList<>();
        admin.get(idpPath()).expect(200).json().get("settings").get("problems").forEach(problem -> problems.add(problem.asText()));
        return problems;
    }

    /** The preview's {@code settingsProblems}. */
    static JsonNode previewProblems(String username) {
        JsonNode preview = admin.post(idpPath() + "/preview", map("nameId", username, "attributes",
                map("email", List.of(username + "@acme.test"), "role", List.of("developer")))).expect(200).json();
        return preview.get("settingsProblems");
    }

    @Test
    @DisplayName("a realm role renamed: default role, role-value target and assignable role name the new name, in every JIT "
            + "mapper of the realm; both a mapped and a default sign-in still get it")
    void realmRoleRenamed() {
        fixture.createRealmRole("analyst");
        fixture.createRealmRole("auditor");
        fixture.configureJit(base().set(JitConfigProperties.DEFAULT_ROLE, "analyst").roleValue("Analysts", "analyst")
                .roleValue("analyst", "auditor").assignableRole("analyst").assignableRole("auditor").build().toConfig());
        fixture.addJitIdentityProvider(SECOND_IDP, base().set(JitConfigProperties.DEFAULT_ROLE, "analyst").build().toConfig());

        renameRole(roleId("analyst"), "data-analyst").expect(204);

        JitSettings after = stored();
        assertThat(after.get(JitConfigProperties.DEFAULT_ROLE)).isEqualTo("data-analyst");
        assertThat(after.get(JitConfigProperties.ROLE_VALUES)).as("the IdP values, the keys, stay").containsExactly(Map.entry("Analysts", "data-analyst"),
                Map.entry("analyst", "auditor"));
        assertThat(after.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactly("data-analyst", "auditor");
        assertThat(fixture.jitMapper().getConfig()).containsEntry("syncMode", "FORCE");
        List<IdentityProviderMapperRepresentation> second = admin.get(realm + "/identity-provider/instances/" + SECOND_IDP + "/mappers",
                new TypeReference<List<IdentityProviderMapperRepresentation>>() {
                });
        assertThat(second).singleElement().satisfies(mapper -> assertThat(settingsOf(mapper).get(JitConfigProperties.DEFAULT_ROLE))
                .isEqualTo("data-analyst"));
        assertThat(restProblems()).isEmpty();

        signIn("rr-mapped", List.of("Analysts"));
        signIn("rr-default", List.of());
        assertThat(fixture.realmRolesOf(userId("rr-mapped"))).containsExactly("data-analyst");
        assertThat(fixture.realmRolesOf(userId("rr-default"))).containsExactly("data-analyst");
    }

    @Test
    @DisplayName("no default role chosen and the fallback Agent renamed: the new name becomes the default role, and no new "
            + "Agent is created at the next sign-in")
    void fallbackAgentRenamed() {
        fixture.createRealmRole("Agent");
        Map<String, String> config = base().build().toConfig();
        config.remove(JitConfigProperties.DEFAULT_ROLE.key());
        fixture.configureJit(config);

        renameRole(roleId("Agent"), "Helper").expect(204);

        assertThat(stored().get(JitConfigProperties.DEFAULT_ROLE)).isEqualTo("Helper");
        signIn("fa-default", List.of());
        assertThat(fixture.realmRolesOf(userId("fa-default"))).containsExactly("Helper");
        assertThat(fixture.realmRole("Agent")).isNull();
    }

    @Test
    @DisplayName("a rename Keycloak refuses (the name is taken: 409, as without the extension) changes no setting: the rewrite "
            + "is part of the same transaction")
    void refusedRenameChangesNothing() {
        fixture.createRealmRole("reviewer");
        String uuid = createClient("archive", "reader");
        fixture.configureJit(base().set(JitConfigProperties.DEFAULT_ROLE, "reviewer").roleValue("Reviewers", "reviewer").roleValue("Readers", "archive.reader")
                .build().toConfig());
        Map<String, String> before = fixture.jitMapper().getConfig();

        AdminApi.Reply role = renameRole(roleId("reviewer"), "support");
        Map<String, Object> client = admin.get(realm + "/clients/" + uuid, new TypeReference<Map<String, Object>>() {
        });
        client.put("clientId", SamlBrokerFixture.CLIENT_ID);
        AdminApi.Reply clientId = admin.put(realm + "/clients/" + uuid, client);

        assertThat(role.status()).as(role.body()).isEqualTo(409);
        assertThat(clientId.status()).as(clientId.body()).isEqualTo(409);
        assertThat(fixture.jitMapper().getConfig()).isEqualTo(before);
        assertThat(fixture.realmRole("reviewer")).isNotNull();
    }

    @Test
    @DisplayName("a client role renamed, then its client given a new clientId: the settings follow both; a sign-in gets the role")
    void clientRoleAndClientRenamed() {
        String uuid = createClient("billing", "clerk");
        fixture.configureJit(base().roleValue("Clerks", "billing.clerk").assignableRole("billing.clerk")
                .assignableRole("developer").build().toConfig());
        String clerk = admin.get(realm + "/clients/" + uuid + "/roles/clerk").expect(200).json().get("id").asText();

        renameRole(clerk, "accountant").expect(204);
        assertThat(stored().get(JitConfigProperties.ROLE_VALUES)).containsExactly(Map.entry("Clerks", "billing.accountant"));

        Map<String, Object> client = admin.get(realm + "/clients/" + uuid, new TypeReference<Map<String, Object>>() {
        });
        client.put("clientId", "invoicing");
        admin.put(realm + "/clients/" + uuid, client).expect(204);

        JitSettings after = stored();
        assertThat(after.get(JitConfigProperties.ROLE_VALUES)).containsExactly(Map.entry("Clerks", "invoicing.accountant"));
        assertThat(after.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactly("invoicing.accountant", "developer");
        signIn("cr-clerk", List.of("Clerks"));
        List<RoleRepresentation> granted = admin.get(realm + "/users/" + userId("cr-clerk") + "/role-mappings/clients/" + uuid,
                new TypeReference<List<RoleRepresentation>>() {
                });
        assertThat(granted).extracting(RoleRepresentation::getName).containsExactly("accountant");
    }

    @Test
    @DisplayName("a group renamed: paths of it and its subgroups follow, a bare name of another group stays, a bare name of "
            + "the renamed group gets its new name; a sign-in joins")
    void groupRenamed() {
        String research = fixture.createGroup(null, "research");
        fixture.createGroup(research, "lab");
        String field = fixture.createGroup(research, "field");
        fixture.configureJit(base().set(JitConfigProperties.GROUP_VALUES, Map.of("Lab", "/research/lab", "Field", "field"))
                .set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/research")).build().toConfig());

        renameGroup(research, "r-and-d");

        assertThat(stored().get(JitConfigProperties.GROUP_VALUES)).containsOnly(Map.entry("Lab", "/r-and-d/lab"), Map.entry("Field", "field"));
        assertThat(stored().get(JitConfigProperties.ASSIGNABLE_GROUPS)).containsExactly("/r-and-d");

        renameGroup(field, "fieldwork");

        assertThat(stored().get(JitConfigProperties.GROUP_VALUES)).containsOnly(Map.entry("Lab", "/r-and-d/lab"),
                Map.entry("Field", "fieldwork"));
        signIn("gr-both", List.of("developer"), "Lab", "Field");
        assertThat(fixture.groupsOf(userId("gr-both"))).containsExactly("/r-and-d/fieldwork", "/r-and-d/lab");
    }

    @Test
    @DisplayName("a group moved under another: the paths of its subgroups change and the settings follow; a sign-in joins")
    void groupMoved() {
        String desk = fixture.createGroup(null, "support-desk");
        fixture.createGroup(desk, "tier2");
        String operations = fixture.createGroup(null, "operations");
        fixture.configureJit(base().set(JitConfigProperties.GROUP_VALUES, Map.of("Tier 2", "/support-desk/tier2"))
                .set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/support-desk/tier2")).build().toConfig());

        moveGroup(desk, "support-desk", operations);

        assertThat(stored().get(JitConfigProperties.GROUP_VALUES)).containsOnly(Map.entry("Tier 2", "/operations/support-desk/tier2"));
        assertThat(stored().get(JitConfigProperties.ASSIGNABLE_GROUPS)).containsExactly("/operations/support-desk/tier2");
        signIn("gm-tier2", List.of("developer"), "Tier 2");
        assertThat(fixture.groupsOf(userId("gm-tier2"))).containsExactly("/operations/support-desk/tier2");
    }

    @Test
    @DisplayName("a role and a group deleted: the settings still name them, and the REST API and the preview report each with its code")
    void deletedRoleAndGroupAreReported() {
        fixture.createRealmRole("temp-default");
        fixture.createRealmRole("temp-target");
        String tempTeam = fixture.createGroup(null, "temp-team");
        String keptTeam = fixture.createGroup(null, "kept-team");
        fixture.configureJit(base().set(JitConfigProperties.DEFAULT_ROLE, "temp-default").roleValue("Temp", "temp-target")
                .roleValue("Dev", "developer").assignableRole("temp-target").assignableRole("developer")
                .set(JitConfigProperties.GROUP_VALUES, Map.of("Temp Team", "/temp-team"))
                .set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/temp-team", "/kept-team")).build().toConfig());
        assertThat(restProblems()).isEmpty();
        assertThat(previewProblems("dr-before").findValuesAsText("code")).doesNotContain("DEFAULT_ROLE_MISSING",
                "UNKNOWN_ROLE_VALUE_TARGET", "UNKNOWN_GROUP", "SETTING_UNUSABLE", "SETTINGS_INVALID");
        Map<String, String> before = fixture.jitMapper().getConfig();

        admin.delete(realm + "/roles/temp-default").expect(204);
        admin.delete(realm + "/roles/temp-target").expect(204);
        admin.delete(realm + "/groups/" + tempTeam).expect(204);

        assertThat(fixture.jitMapper().getConfig()).as("a deletion is no rename: nothing is rewritten").isEqualTo(before);
        assertThat(restProblems()).containsExactlyInAnyOrder(
                "assignable.roles: 'temp-target' names no role of this realm; the other entries apply",
                "assignable.groups: '/temp-team' names no group of this realm; the other entries apply",
                "default.role: The default role 'temp-default' does not exist: nobody gets a default role. (DEFAULT_ROLE_MISSING)",
                "role.values: The role-value table maps 'Temp' to the role 'temp-target', which does not exist in this realm: "
                        + "that value grants no role. (UNKNOWN_ROLE_VALUE_TARGET)",
                "group.values: The group-value table maps 'Temp Team' to '/temp-team', which names no group of this realm: "
                        + "that value joins no group. (UNKNOWN_GROUP)");
        assertThat(previewProblems("dr-after")).extracting(problem -> problem.get("code").asText(), problem -> problem.get("message").asText())
                .contains(tuple("SETTING_UNUSABLE", "assignable.roles: 'temp-target' names no role of this realm; the other entries apply"),
                        tuple("SETTING_UNUSABLE", "assignable.groups: '/temp-team' names no group of this realm; the other entries apply"),
                        tuple("DEFAULT_ROLE_MISSING", "The default role 'temp-default' does not exist: nobody gets a default role."),
                        tuple("UNKNOWN_ROLE_VALUE_TARGET", "The role-value table maps 'Temp' to the role 'temp-target', which does not "
                                + "exist in this realm: that value grants no role."),
                        tuple("UNKNOWN_GROUP", "The group-value table maps 'Temp Team' to '/temp-team', which names no group of this "
                                + "realm: that value joins no group."));

        admin.delete(realm + "/groups/" + keptTeam).expect(204);

        assertThat(previewProblems("dr-none-left")).extracting(problem -> problem.get("code").asText(), problem -> problem.get("message").asText())
                .contains(tuple("SETTINGS_INVALID", "assignable.groups is set but unusable, so every sign-in through this identity provider "
                        + "is refused (SETTINGS_INVALID): none of its entries names exactly one group of this realm (/temp-team, /kept-team)"));
    }
}
