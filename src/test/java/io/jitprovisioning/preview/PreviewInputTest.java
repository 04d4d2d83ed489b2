package io.jitprovisioning.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.jitprovisioning.saml.SamlAttribute;

class PreviewInputTest {

    @Test
    @DisplayName("attributes typed as JSON: a string or an array of strings per name, the NameID and its format")
    void attributes() {
        PreviewInput input = PreviewInput.fromText("""
                {"attributes": {"role": ["Engineering", "Sales"], "email": "ada@corp.example", "level": "3", "none": []},
                 "nameId": " ada ", "nameIdFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"}""");

        assertThat(input.isResponse()).isFalse();
        assertThat(input.attributes()).containsExactly(new SamlAttribute("role", null, List.of("Engineering", "Sales")),
                new SamlAttribute("email", null, List.of("ada@corp.example")), new SamlAttribute("level", null, List.of("3")),
                new SamlAttribute("none", null, List.of()));
        assertThat(input.nameId()).isEqualTo("ada");
        assertThat(input.nameIdFormat()).isEqualTo("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
    }

    @Test
    @DisplayName("a NameID format may be any absolute URI: a URN or a URL")
    void formatAsUrl() {
        assertThat(PreviewInput.fromJson("{\"attributes\": {}, \"nameId\": \"ada\", \"nameIdFormat\": \"https://idp.example/formats/id\"}")
                .nameIdFormat()).isEqualTo("https://idp.example/formats/id");
    }

    @Test
    @DisplayName("a response, as JSON or as it was pasted")
    void response() {
        assertThat(PreviewInput.fromText("{\"samlResponse\": \"PHNhbWxwOlJlc3BvbnNl\"}").samlResponse()).isEqualTo("PHNhbWxwOlJlc3BvbnNl");
        assertThat(PreviewInput.fromJson("{\"samlResponse\": \"PHNhbWxwOlJlc3BvbnNl\"}").samlResponse()).isEqualTo("PHNhbWxwOlJlc3BvbnNl");
        assertThat(PreviewInput.fromText("  PHNhbWxwOlJlc3BvbnNl\n").samlResponse()).isEqualTo("PHNhbWxwOlJlc3BvbnNl");
    }

    /** Each bad body, as the JSON route gets it (double quotes written as single ones), and the one code it gets. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "''                                                        | INVALID_REQUEST",
            "'   '                                                     | INVALID_REQUEST",
            "{not json                                                 | INVALID_REQUEST",
            "['samlResponse']                                          | INVALID_REQUEST",
            "'a string'                                                | INVALID_REQUEST",
            "42                                                        | INVALID_REQUEST",
            "null                                                      | INVALID_REQUEST",
            "{'samlResponse':'x'} trailing                             | INVALID_REQUEST",
            "{'samlResponse':'x','samlResponse':'y'}                   | INVALID_REQUEST",
            "{}                                                        | INVALID_REQUEST",
            "{'nameId':'ada'}                                          | INVALID_REQUEST",
            "{'samlResponse':'x','attributes':{}}                      | INVALID_REQUEST",
            "{'samlResponse':'x','nameId':'ada'}                       | INVALID_REQUEST",
            "{'something':1}                                           | UNKNOWN_FIELD",
            "{'attributes':{},'nameid':'ada'}                          | UNKNOWN_FIELD",
            "{'samlResponse':1}                                        | INVALID_SAML_RESPONSE",
            "{'samlResponse':null}                                     | INVALID_SAML_RESPONSE",
            "{'samlResponse':['x']}                                    | INVALID_SAML_RESPONSE",
            "{'samlResponse':'  '}                                     | INVALID_SAML_RESPONSE",
            "{'attributes':['role']}                                   | INVALID_ATTRIBUTES",
            "{'attributes':'role=x'}                                   | INVALID_ATTRIBUTES",
            "{'attributes':null}                                       | INVALID_ATTRIBUTES",
            "{'attributes':{'level':3}}                                | INVALID_ATTRIBUTES",
            "{'attributes':{'active':true}}                            | INVALID_ATTRIBUTES",
            "{'attributes':{'role':null}}                              | INVALID_ATTRIBUTES",
            "{'attributes':{'role':{'x':'y'}}}                         | INVALID_ATTRIBUTES",
            "{'attributes':{'role':['a',1]}}                           | INVALID_ATTRIBUTES",
            "{'attributes':{'role':['a',null]}}                        | INVALID_ATTRIBUTES",
            "{'attributes':{'role':[['a']]}}                           | INVALID_ATTRIBUTES",
            "{'attributes':{'':['a']}}                                 | INVALID_ATTRIBUTES",
            "{'attributes':{},'nameId':['ada']}                        | INVALID_NAME_ID",
            "{'attributes':{},'nameId':7}                              | INVALID_NAME_ID",
            "{'attributes':{},'nameId':null}                           | INVALID_NAME_ID",
            "{'attributes':{},'nameId':{'value':'ada'}}                | INVALID_NAME_ID",
            "{'attributes':{},'nameId':''}                             | INVALID_NAME_ID",
            "{'attributes':{},'nameId':'ada','nameIdFormat':'email'}   | INVALID_NAME_ID_FORMAT",
            "{'attributes':{},'nameId':'ada','nameIdFormat':'not a uri'} | INVALID_NAME_ID_FORMAT",
            "{'attributes':{},'nameId':'ada','nameIdFormat':'urn:'}    | INVALID_NAME_ID_FORMAT",
            "{'attributes':{},'nameId':'ada','nameIdFormat':'/relative/path'} | INVALID_NAME_ID_FORMAT",
            "{'attributes':{},'nameId':'ada','nameIdFormat':['urn:x:y']} | INVALID_NAME_ID_FORMAT",
            "{'attributes':{},'nameId':'ada','nameIdFormat':3}         | INVALID_NAME_ID_FORMAT",
            "{'attributes':{},'nameId':'ada','nameIdFormat':null}      | INVALID_NAME_ID_FORMAT",
            "{'attributes':{},'nameIdFormat':'urn:x:y'}                | INVALID_NAME_ID_FORMAT",
    })
    void badBodies(String body, String code) {
        String json = body.replace('\'', '"');
        assertThatThrownBy(() -> PreviewInput.fromJson(json)).as(json)
                .isInstanceOfSatisfying(PreviewInput.Invalid.class, invalid -> {
                    assertThat(invalid.code().name()).isEqualTo(code);
                    assertThat(invalid.getMessage()).isNotBlank();
                });
    }

    @Test
    @DisplayName("pasted text that starts like JSON is read as the JSON body, with the same codes")
    void pastedJsonIsStrictToo() {
        assertThatThrownBy(() -> PreviewInput.fromText(" {\"attributes\": {\"level\": 3}}"))
                .isInstanceOfSatisfying(PreviewInput.Invalid.class, invalid -> assertThat(invalid.code().name()).isEqualTo("INVALID_ATTRIBUTES"));
        assertThatThrownBy(() -> PreviewInput.fromText("{not json"))
                .isInstanceOfSatisfying(PreviewInput.Invalid.class, invalid -> assertThat(invalid.code().name()).isEqualTo("INVALID_REQUEST"));
        assertThatThrownBy(() -> PreviewInput.fromText("   "))
                .isInstanceOfSatisfying(PreviewInput.Invalid.class, invalid -> assertThat(invalid.code().name()).isEqualTo("INVALID_REQUEST"));
    }

    @Test
    @DisplayName("the messages never echo a value that was sent")
    void messagesDoNotEchoValues() {
        for (String body : List.of("{\"attributes\": {\"email\": 12345678}}", "{\"attributes\": {}, \"nameId\": \"secret-ada\", "
                + "\"nameIdFormat\": \"secret format\"}", "{\"samlResponse\": \"secret-response\", \"nameId\": \"secret-ada\"}",
                "{\"samlResponse\": \"secret-response\"} secret-trailer")) {
            assertThatThrownBy(() -> PreviewInput.fromJson(body)).as(body)
                    .isInstanceOfSatisfying(PreviewInput.Invalid.class, invalid -> assertThat(invalid.getMessage())
                            .doesNotContain("secret", "12345678"));
        }
    }
}
