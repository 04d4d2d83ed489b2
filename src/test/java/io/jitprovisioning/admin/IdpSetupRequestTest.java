package io.jitprovisioning.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.RealmCatalog;
import io.jitprovisioning.problem.Problem;

/** The setup body read strictly: each kind of bad body gets exactly one code, before anything is looked at. */
class IdpSetupRequestTest {

    /** Every role and group exists: only the body's form is under test here. */
    private static final RealmCatalog EVERYTHING = new RealmCatalog() {
        @Override
        public Status role(String roleName) {
            return Status.GRANTABLE;
        }

        @Override
        public Status group(String pathOrName) {
            return Status.GRANTABLE;
        }
    };

    private static IdpSetupRequest read(String body) throws SetupRejected {
        return IdpSetupRequest.fromJson(body, "a JSON object", EVERYTHING);
    }

    @Test
    @DisplayName("a good body: the four texts and the settings")
    void goodBody() throws SetupRejected {
        IdpSetupRequest request = read("{\"alias\": \"okta\", \"displayName\": \"Okta\", \"metadata\": \"<md/>\", "
                + "\"entityId\": \"https://idp\", \"jitEnabled\": false, \"defaultRole\": \"developer\"}");

        assertThat(request.alias()).isEqualTo("okta");
        assertThat(request.displayName()).isEqualTo("Okta");
        assertThat(request.metadata()).isEqualTo("<md/>");
        assertThat(request.entityId()).isEqualTo("https://idp");
        assertThat(request.settings().errors()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "''                                          | INVALID_REQUEST",
            "{not json                                   | INVALID_REQUEST",
            "{'alias':'okta'                             | INVALID_REQUEST",
            "['alias','okta']                            | INVALID_REQUEST",
            "'okta'                                      | INVALID_REQUEST",
            "null                                        | INVALID_REQUEST",
            "{'alias':'a'} {'alias':'b'}                 | INVALID_REQUEST",
            "{'alias':'a','alias':'b'}                   | INVALID_REQUEST",
            "{'alias':'okta','color':'blue'}             | UNKNOWN_FIELD",
            "{'alias':'okta','jit.enabled':true}         | UNKNOWN_FIELD",
            "{'alias':1}                                 | INVALID_ALIAS",
            "{'alias':['okta']}                          | INVALID_ALIAS",
            "{'alias':null}                              | INVALID_ALIAS",
            "{'displayName':true}                        | INVALID_DISPLAY_NAME",
            "{'displayName':null}                        | INVALID_DISPLAY_NAME",
            "{'metadata':{'xml':'<md/>'}}                | INVALID_METADATA",
            "{'metadata':['<md/>']}                      | INVALID_METADATA",
            "{'entityId':['https://idp']}                | INVALID_ENTITY_ID",
            "{'entityId':null}                           | INVALID_ENTITY_ID",
    })
    void badBodies(String body, String code) {
        String json = body.replace('\'', '"');
        assertThatThrownBy(() -> read(json)).as(json).isInstanceOfSatisfying(SetupRejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.errors()).extracting(problem -> problem.code().name()).containsExactly(code);
            assertThat(rejected.errors().get(0).message()).isNotBlank();
        });
    }

    @Test
    @DisplayName("a setting of the wrong type keeps its own code, e.g. a list where one role belongs")
    void settingsKeepTheirCodes() throws SetupRejected {
        assertThat(read("{\"defaultRole\": [\"a\"]}").settings().errors()).extracting(issue -> issue.code().name())
                .containsExactly("INVALID_DEFAULT_ROLE");
    }

    @Test
    @DisplayName("the unknown field is named; all the JSON names of the settings are known")
    void unknownFieldIsNamed() throws SetupRejected {
        assertThatThrownBy(() -> read("{\"alias\": \"okta\", \"defaultrole\": \"x\"}"))
                .isInstanceOfSatisfying(SetupRejected.class, rejected -> assertThat(rejected.errors().get(0).message())
                        .contains("'defaultrole'").contains("defaultRole"));
        String everySetting = "{\"jitEnabled\": true, \"defaultRole\": \"x\", \"idpManagedRoles\": true, \"attributeMapping\": {},"
                + " \"roleValues\": {}, \"unknownRolePolicy\": \"DENY\", \"assignableRoles\": [], \"groupValues\": {},"
                + " \"assignableGroups\": [], \"allowedEmailDomains\": [], \"requiredAttribute\": \"status\", \"requiredValues\": []}";
        assertThat(read(everySetting).settings().errors()).isEmpty();
    }

    @Test
    @DisplayName("the console page's form: a value sent as null is no value, not the text 'null'; it carries no settings")
    void formNullIsNoValue() {
        IdpSetupRequest request = IdpSetupRequest.fromForm(Map.of("alias", Arrays.asList((String) null),
                "metadata", List.of()));

        assertThat(request.alias()).isNull();
        assertThat(request.metadata()).isNull();
        assertThat(request.settings().over(JitSettings.builder().build()).toConfig())
                .isEqualTo(JitSettings.builder().build().toConfig());
    }
}
