package io.jitprovisioning.preview;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.keycloak.util.JsonSerialization;

import io.jitprovisioning.saml.SamlAttribute;

/**
 * What an administrator asks to preview: a SAML response as a user's browser posted it (base64, possibly URL-encoded,
 * or the XML itself), or attributes and a NameID typed by hand.
 *
 * @param samlResponse the response as pasted, or null for attributes
 * @param attributes   the attributes typed by hand (each name with its values), when there is no response
 * @param nameId       the NameID typed by hand, or null
 * @param nameIdFormat its format (e.g. {@code urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress}), or null
 */
public record PreviewInput(String samlResponse, List<SamlAttribute> attributes, String nameId, String nameIdFormat) {

    /** Larger input is refused before it is read: twice the 1 MiB a response may have, for base64 and URL encoding. */
    public static final int MAX_CHARS = 2 * 1024 * 1024 + 1024;

    /** Input that is neither a response nor attributes. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null);
        }

        public String code() {
            return "INVALID_REQUEST";
        }
    }

    public boolean isResponse() {
        return samlResponse != null;
    }

    /** A JSON body: {@code {"samlResponse": "..."}} or {@code {"attributes": {"role": ["x"]}, "nameId": "..."}}. */
    public static PreviewInput fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new Invalid("Send a JSON object with 'samlResponse', or with 'attributes' (and 'nameId').");
        }
        JsonNode response = body.get("samlResponse");
        if (response != null && response.isTextual() && !response.asText().isBlank()) {
            return fromText(response.asText());
        }
        JsonNode attributes = body.get("attributes");
        if (attributes == null || !attributes.isObject()) {
            throw new Invalid("Send 'samlResponse' (the SAMLResponse a browser posted), or 'attributes': an object of "
                    + "attribute names to values, e.g. {\"role\": [\"Engineering\"]}.");
        }
        return new PreviewInput(null, attributes(attributes), text(body.get("nameId")), text(body.get("nameIdFormat")));
    }

    /** What was pasted in one text field: a JSON object of the form above, or else the SAML response itself. */
    public static PreviewInput fromText(String pasted) {
        if (pasted == null || pasted.isBlank()) {
            throw new Invalid("Paste a SAMLResponse (base64 as the browser posted it, or the XML), or attributes as JSON.");
        }
        if (pasted.length() > MAX_CHARS) {
            throw new Invalid("The input is larger than a SAML response may be (1 MiB).");
        }
        String text = pasted.strip();
        if (!text.startsWith("{")) {
            return new PreviewInput(text, List.of(), null, null);
        }
        try {
            return fromJson(JsonSerialization.readValue(text, JsonNode.class));
        } catch (IOException e) {
            throw new Invalid("The input starts like JSON but is not valid JSON.");
        }
    }

    private static List<SamlAttribute> attributes(JsonNode object) {
        List<SamlAttribute> attributes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            List<String> values = new ArrayList<>();
            if (field.getValue().isArray()) {
                field.getValue().forEach(value -> addText(values, value));
            } else {
                addText(values, field.getValue());
            }
            attributes.add(new SamlAttribute(field.getKey(), null, values));
        }
        return attributes;
    }

    private static void addText(List<String> values, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            values.add(value.asText());
        }
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() || node.asText().isBlank() ? null : node.asText().strip();
    }
}
