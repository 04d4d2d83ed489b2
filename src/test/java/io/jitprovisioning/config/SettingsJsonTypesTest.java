package io.jitprovisioning.config;

import static io.jitprovisioning.config.SettingsInputTest.ROLES;
import static io.jitprovisioning.config.SettingsInputTest.codes;
import static io.jitprovisioning.config.SettingsInputTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A setting of the wrong JSON type is refused with that setting's code, never read as some text: a list where one
 * value belongs, a number or true/false where a string belongs, an entry of a list or a value of a table that is not
 * a string.
 */
class SettingsJsonTypesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'defaultRole':['developer']}                  | INVALID_DEFAULT_ROLE",
            "{'defaultRole':7}                              | INVALID_DEFAULT_ROLE",
            "{'requiredAttribute':['status']}               | INVALID_REQUIRED_ATTRIBUTE",
            "{'requiredAttribute':{'name':'status'}}        | INVALID_REQUIRED_ATTRIBUTE",
            "{'jitEnabled':'true'}                          | INVALID_JIT_ENABLED",
            "{'idpManagedRoles':1}                          | INVALID_IDP_MANAGED_ROLES",
            "{'unknownRolePolicy':['DENY']}                 | INVALID_UNKNOWN_ROLE_POLICY",
            "{'unknownRolePolicy':1}                        | INVALID_UNKNOWN_ROLE_POLICY",
            "{'assignableRoles':'developer'}                | INVALID_ASSIGNABLE_ROLES",
            "{'assignableRoles':[1]}                        | INVALID_ASSIGNABLE_ROLES",
            "{'assignableRoles':[null]}                     | INVALID_ASSIGNABLE_ROLES",
            "{'assignableRoles':[{}]}                       | INVALID_ASSIGNABLE_ROLES",
            "{'assignableRoles':[['developer']]}            | INVALID_ASSIGNABLE_ROLES",
            "{'assignableGroups':[['/engineering']]}        | INVALID_ASSIGNABLE_GROUPS",
            "{'requiredValues':[true]}                      | INVALID_REQUIRED_VALUES",
            "{'allowedEmailDomains':[{}]}                   | INVALID_EMAIL_DOMAIN",
            "{'allowedEmailDomains':'acme.com'}             | INVALID_EMAIL_DOMAIN",
            "{'roleValues':{'Engineering':['developer']}}   | INVALID_ROLE_VALUES",
            "{'roleValues':{'Engineering':5}}               | INVALID_ROLE_VALUES",
            "{'roleValues':{'Engineering':null}}            | INVALID_ROLE_VALUES",
            "{'groupValues':{'Backend':{}}}                 | INVALID_GROUP_VALUES",
            "{'attributeMapping':{'role':1}}                | INVALID_ATTRIBUTE_MAPPING",
            "{'attributeMapping':[['role','USER_ROLE']]}    | INVALID_ATTRIBUTE_MAPPING",
    })
    void wrongTypeIsRefusedWithTheSettingsCode(String body, String code) throws Exception {
        SettingsInput input = SettingsInput.fromJson(json(body), ROLES);

        assertThat(codes(input.errors())).containsExactly(code);
    }
}
