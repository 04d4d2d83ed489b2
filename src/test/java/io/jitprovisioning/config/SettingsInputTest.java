package io.jitprovisioning.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.databind.JsonNode;

/** The strict reading of the settings an administrator sends: the same model as the stored config, every mistake a code. */
class SettingsInputTest {

    /** A realm with developer and support, and realm-admin, which an IdP may never grant. */
    static final RoleCatalog ROLES = name -> switch (name) {
        case "developer", "support" -> RoleCatalog.Status.GRANTABLE;
        case "realm-admin" -> RoleCatalog.Status.PROTECTED;
        default -> RoleCatalog.Status.UNKNOWN;
    };

    static JsonNode json(String text) throws Exception {
        return JsonSerialization.readValue(text.replace('\'', '"'), JsonNode.class);
    }

    static List<String> codes(List<SettingIssue> issues) {
        return issues.stream().map(SettingIssue::code).toList();
    }

    @Nested
    @DisplayName("given the REST API's JSON")
    class Json {

        @Test
        void everySettingIsReadUnderItsName() throws Exception {
            SettingsInput input = SettingsInput.fromJson(json("{'jitEnabled':false,'defaultRole':'support','idpManagedRoles':true,"
                    + "'attributeMapping':{'role':'user_role'},'roleValues':{'Engineering':'developer'},"
                    + "'unknownRolePolicy':'deny','assignableRoles':['developer','support']}"), ROLES);

            JitSettings settings = input.over(JitSettings.builder().build());

            assertThat(input.errors()).isEmpty();
            assertThat(settings.jitEnabled()).isFalse();
            assertThat(settings.defaultRole()).isEqualTo("support");
            assertThat(settings.attributeMapping()).containsExactly(entry("role", AttributeTarget.USER_ROLE));
            assertThat(settings.roleForValue("engineering")).contains("developer");
            assertThat(settings.unknownRolePolicy()).isEqualTo(UnknownRolePolicy.DENY);
            assertThat(settings.assignableRoles()).containsExactly("developer", "support");
        }

        @Test
        void fieldsLeftOutKeepTheirCurrentValue() throws Exception {
            JitSettings current = JitSettings.builder().defaultRole("support").idpManagedRoles(true).build();

            JitSettings updated = SettingsInput.fromJson(json("{'jitEnabled':false}"), ROLES).over(current);

            assertThat(updated.jitEnabled()).isFalse();
            assertThat(updated.defaultRole()).isEqualTo("support");
            assertThat(updated.idpManagedRoles()).isTrue();
        }

        @Test
        void everyMistakeIsAnErrorWithItsCode() throws Exception {
            SettingsInput input = SettingsInput.fromJson(json("{'jitEnabled':'yes','defaultRole':'nobody',"
                    + "'attributeMapping':{'role':'USER_ROLES'},'roleValues':[1],'unknownRolePolicy':'MAYBE',"
                    + "'assignableRoles':'developer'}"), ROLES);

            assertThat(codes(input.errors())).containsExactlyInAnyOrder("INVALID_JIT_ENABLED", "UNKNOWN_DEFAULT_ROLE",
                    "INVALID_ATTRIBUTE_MAPPING", "INVALID_ROLE_VALUES", "INVALID_UNKNOWN_ROLE_POLICY", "INVALID_ASSIGNABLE_ROLES");
            assertThat(input.errors()).allSatisfy(issue -> assertThat(issue.message()).isNotBlank());
        }

        @Test
        void rolesAreCheckedAgainstTheRealm() throws Exception {
            SettingsInput input = SettingsInput.fromJson(json("{'defaultRole':'realm-admin','roleValues':{'Ops':'realm-admin',"
                    + "'QA':'tester'},'assignableRoles':['realm-admin','ghost']}"), ROLES);

            assertThat(codes(input.errors())).containsExactlyInAnyOrder("PROTECTED_DEFAULT_ROLE", "UNKNOWN_ROLE_VALUE_TARGET",
                    "UNKNOWN_ASSIGNABLE_ROLE");
            assertThat(codes(input.warnings())).containsExactlyInAnyOrder("PROTECTED_ROLE_VALUE_TARGET", "PROTECTED_ASSIGNABLE_ROLE");
        }
    }

    @Nested
    @DisplayName("given the console page's form")
    class Form {

        @Test
        void pageNamesAndStoredKeysAreBothRead() {
            SettingsInput input = SettingsInput.fromForm(Map.of("jitEnabled", List.of("false"),
                    "attribute.mapping", List.of("[{\"key\":\"role\",\"value\":\"USER_ROLE\"}]"),
                    "assignableRoles", List.of("developer", "support")), ROLES);

            JitSettings settings = input.over(JitSettings.builder().build());

            assertThat(input.errors()).isEmpty();
            assertThat(settings.jitEnabled()).isFalse();
            assertThat(settings.attributeMapping()).containsOnlyKeys("role");
            assertThat(settings.assignableRoles()).containsExactly("developer", "support");
        }

        @Test
        void aFieldLeftEmptyGoesBackToItsDefault() {
            JitSettings current = JitSettings.builder().idpManagedRoles(true).unknownRolePolicy(UnknownRolePolicy.DENY).build();

            JitSettings saved = SettingsInput.fromForm(Map.of(), ROLES).over(current);

            assertThat(saved.idpManagedRoles()).isFalse();
            assertThat(saved.unknownRolePolicy()).isEqualTo(UnknownRolePolicy.DEFAULT_ROLE);
        }

        @Test
        void aGarbledFieldIsAnError() {
            SettingsInput input = SettingsInput.fromForm(Map.of("idpManagedRoles", List.of("maybe"),
                    "attributeMapping", List.of("[{\"key\":\"mail\",\"value\":\"USER_MAIL\"}]")), ROLES);

            assertThat(codes(input.errors())).containsExactlyInAnyOrder("INVALID_IDP_MANAGED_ROLES", "INVALID_ATTRIBUTE_MAPPING");
        }
    }
}
