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

import io.jitprovisioning.problem.Problem;

/** The strict reading of the settings an administrator sends: the same model as the stored config, every mistake a code. */
class SettingsInputTest {

    /** A realm with developer, support and /engineering; realm-admin and /ops, which an IdP may never grant. */
    static final RealmCatalog ROLES = new RealmCatalog() {
        @Override
        public Status role(String name) {
            return switch (name) {
                case "developer", "support" -> Status.GRANTABLE;
                case "realm-admin" -> Status.PROTECTED;
                default -> Status.UNKNOWN;
            };
        }

        @Override
        public Status group(String pathOrName) {
            return switch (pathOrName) {
                case "/engineering" -> Status.GRANTABLE;
                case "/ops" -> Status.PROTECTED;
                default -> Status.UNKNOWN;
            };
        }
    };

    static JsonNode json(String text) throws Exception {
        return JsonSerialization.readValue(text.replace('\'', '"'), JsonNode.class);
    }

    static List<String> codes(List<Problem> issues) {
        return issues.stream().map(issue -> issue.code().name()).toList();
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
            assertThat(settings.get(JitConfigProperties.JIT_ENABLED)).isFalse();
            assertThat(settings.get(JitConfigProperties.DEFAULT_ROLE)).isEqualTo("support");
            assertThat(settings.get(JitConfigProperties.ATTRIBUTE_MAPPING)).containsExactly(entry("role", AttributeTarget.USER_ROLE));
            assertThat(settings.roleForValue("engineering")).contains("developer");
            assertThat(settings.get(JitConfigProperties.UNKNOWN_ROLE_POLICY)).isEqualTo(UnknownRolePolicy.DENY);
            assertThat(settings.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactly("developer", "support");
        }

        @Test
        void fieldsLeftOutKeepTheirCurrentValue() throws Exception {
            JitSettings current = JitSettings.builder().set(JitConfigProperties.DEFAULT_ROLE, "support").set(JitConfigProperties.IDP_MANAGED_ROLES, true).build();

            JitSettings updated = SettingsInput.fromJson(json("{'jitEnabled':false}"), ROLES).over(current);

            assertThat(updated.get(JitConfigProperties.JIT_ENABLED)).isFalse();
            assertThat(updated.get(JitConfigProperties.DEFAULT_ROLE)).isEqualTo("support");
            assertThat(updated.get(JitConfigProperties.IDP_MANAGED_ROLES)).isTrue();
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
        void groupsAndDomainsAreChecked() throws Exception {
            SettingsInput input = SettingsInput.fromJson(json("{'groupValues':{'Eng':'/engineering','Ops':'/ops','QA':'/qa'},"
                    + "'assignableGroups':['/engineering','/nowhere'],'allowedEmailDomains':['acme.com','*.acme.com','bob@acme.com'],"
                    + "'requiredAttribute':'status','requiredValues':['active']}"), ROLES);

            assertThat(codes(input.errors())).containsExactlyInAnyOrder("PROTECTED_GROUP", "UNKNOWN_GROUP",
                    "UNKNOWN_ASSIGNABLE_GROUP", "INVALID_EMAIL_DOMAIN", "INVALID_EMAIL_DOMAIN");
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
}
