package io.jitprovisioning.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.saml.SamlAttribute;

class PreviewInputTest {

    @Test
    @DisplayName("attributes typed as JSON: a value or a list of values per name, the NameID and its format")
    void attributes() {
        PreviewInput input = PreviewInput.fromText("""
                {"attributes": {"role": ["Engineering", "Sales"], "email": "ada@corp.example", "level": 3},
                 "nameId": " ada ", "nameIdFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"}""");

        assertThat(input.isResponse()).isFalse();
        assertThat(input.attributes()).containsExactly(new SamlAttribute("role", null, List.of("Engineering", "Sales")),
                new SamlAttribute("email", null, List.of("ada@corp.example")), new SamlAttribute("level", null, List.of("3")));
        assertThat(input.nameId()).isEqualTo("ada");
        assertThat(input.nameIdFormat()).endsWith("emailAddress");
    }

    @Test
    @DisplayName("a response, as JSON or as it was pasted")
    void response() {
        assertThat(PreviewInput.fromText("{\"samlResponse\": \"PHNhbWxwOlJlc3BvbnNl\"}").samlResponse()).isEqualTo("PHNhbWxwOlJlc3BvbnNl");
        assertThat(PreviewInput.fromText("  PHNhbWxwOlJlc3BvbnNl\n").samlResponse()).isEqualTo("PHNhbWxwOlJlc3BvbnNl");
    }

    @Test
    @DisplayName("nothing, broken JSON, or JSON with neither: INVALID_REQUEST")
    void invalid() {
        for (String text : new String[]{"", "  ", "{not json", "{\"something\": 1}", "{\"attributes\": [\"role\"]}"}) {
            assertThatThrownBy(() -> PreviewInput.fromText(text)).as(text).isInstanceOf(PreviewInput.Invalid.class);
        }
    }
}
