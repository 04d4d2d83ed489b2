package io.jitprovisioning.preview;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jitprovisioning.problem.ProblemCode;
import io.jitprovisioning.StrictJson;
import io.jitprovisioning.config.RequestField;
import io.jitprovisioning.saml.SamlAttribute;

/**
 * What an administrator asks to preview: a SAML response as a user's browser posted it (base64, possibly URL-encoded,
 * or the XML itself), or attributes and a NameID typed by hand. Read strictly: a field of the wrong type, or one this
 * body does not have, is refused with a code naming it, never guessed at.
 *
 * @param samlResponse the response as pasted, or null for attributes
 * @param attributes   the attributes typed by hand (each name with its values), when there is no response
 * @param nameId       the NameID typed by hand, or null
 * @param nameIdFormat its format, an absolute URI (e.g. {@code urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress}), or null
 */
public record PreviewInput(String samlResponse, List<SamlAttribute> attributes, String nameId, String nameIdFormat) {

    /** Larger input is refused before it is read: twice the 1 MiB a response may have, for base64 and URL encoding. */
    public static final int MAX_CHARS = 2 * 1024 * 1024 + 1024;

    static final String SAML_RESPONSE = RequestField.SAML_RESPONSE.name();
    static final String ATTRIBUTES = RequestField.ATTRIBUTES.name();
    static final String NAME_ID = RequestField.NAME_ID.name();
    static final String NAME_ID_FORMAT = RequestField.NAME_ID_FORMAT.name();
    private static final Set<String> FIELDS = Set.of(SAML_RESPONSE, ATTRIBUTES, NAME_ID, NAME_ID_FORMAT);
    private static final String SEND = "a JSON object with 'samlResponse', or with 'attributes' (and 'nameId')";

    /** Input that cannot be previewed, with the code that says which part is wrong. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final ProblemCode code;

        Invalid(ProblemCode code, String message) {
            super(message, null);
            this.code = code;
        }

        public ProblemCode code() {
            return code;
        }
    }

    public boolean isResponse() {
        return samlResponse != null;
    }

    /** A JSON body: {@code {"samlResponse": "..."}} or {@code {"attributes": {"role": ["x"]}, "nameId": "..."}}. */
    public static PreviewInput fromJson(String body) {
        if (body == null || body.length() > MAX_CHARS) {
            throw new Invalid(ProblemCode.INVALID_REQUEST, body == null ? "Send " + SEND + "." : "The input is larger than a SAML response may be (1 MiB).");
        }
        try {
            return fromJson(StrictJson.object(body, SEND));
        } catch (StrictJson.NotAnObject notAnObject) {
            throw new Invalid(ProblemCode.INVALID_REQUEST, notAnObject.getMessage());
        }
    }

    /** What was pasted in one text field: a JSON object of the form above, or else the SAML response itself. */
    public static PreviewInput fromText(String pasted) {
        if (pasted == null || pasted.isBlank()) {
            throw new Invalid(ProblemCode.INVALID_REQUEST, "Paste a SAMLResponse (base64 as the browser posted it, or the XML), or attributes as JSON.");
        }
        String text = pasted.strip();
        if (text.startsWith("{")) {
            return fromJson(text);
        }
        if (pasted.length() > MAX_CHARS) {
            throw new Invalid(ProblemCode.INVALID_REQUEST, "The input is larger than a SAML response may be (1 MiB).");
        }
        return new PreviewInput(text, List.of(), null, null);
    }

    private static PreviewInput fromJson(ObjectNode body) {
        body.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new Invalid(ProblemCode.UNKNOWN_FIELD, "Unknown field '" + field + "': the fields are " + SAML_RESPONSE + ", "
                        + ATTRIBUTES + ", " + NAME_ID + " and " + NAME_ID_FORMAT + ".");
            }
        });
        if (body.has(SAML_RESPONSE)) {
            if (body.has(ATTRIBUTES) || body.has(NAME_ID) || body.has(NAME_ID_FORMAT)) {
                throw new Invalid(ProblemCode.INVALID_REQUEST, "Send either 'samlResponse' (it carries its own NameID and attributes), or "
                        + "'attributes' with 'nameId' and 'nameIdFormat': not both.");
            }
            return new PreviewInput(text(body, RequestField.SAML_RESPONSE), List.of(), null, null);
        }
        if (!body.has(ATTRIBUTES)) {
            throw new Invalid(ProblemCode.INVALID_REQUEST, "Send 'samlResponse' (the SAMLResponse a browser posted), or 'attributes': an "
                    + "object of attribute names to values, e.g. {\"role\": [\"Engineering\"]}.");
        }
        List<SamlAttribute> attributes = attributes(body.get(ATTRIBUTES));
        String nameId = body.has(NAME_ID) ? text(body, RequestField.NAME_ID) : null;
        String format = body.has(NAME_ID_FORMAT) ? format(body, nameId) : null;
        return new PreviewInput(null, attributes, nameId, format);
    }

    private static List<SamlAttribute> attributes(JsonNode object) {
        if (!object.isObject()) {
            throw new Invalid(RequestField.ATTRIBUTES.invalidCode(), "'attributes' must be an object of attribute names to values, "
                    + "e.g. {\"role\": [\"Engineering\"], \"email\": \"ada@example.org\"}.");
        }
        List<SamlAttribute> attributes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().isBlank()) {
                throw new Invalid(RequestField.ATTRIBUTES.invalidCode(), "An attribute in 'attributes' has an empty name.");
            }
            attributes.add(new SamlAttribute(field.getKey(), null, values(field.getKey(), field.getValue())));
        }
        return attributes;
    }

    /** A string, or an array of strings: SAML attribute values are text. */
    private static List<String> values(String name, JsonNode value) {
        if (value.isTextual()) {
            return List.of(value.textValue());
        }
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(item -> values.add(item.isTextual() ? item.textValue() : null));
        }
        if (!value.isArray() || values.contains(null)) {
            throw new Invalid(RequestField.ATTRIBUTES.invalidCode(), "The attribute '" + name + "' must be a string or an array of strings "
                    + "(write numbers and true/false in quotes, as SAML sends them).");
        }
        return values;
    }

    private static String text(JsonNode body, RequestField field) {
        JsonNode value = body.get(field.name());
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new Invalid(field.invalidCode(), "'" + field.name() + "' must be a non-empty string; leave it out if there is none.");
        }
        return value.textValue().strip();
    }

    /** SAML defines a NameID format as an absolute URI; anything else would never match a real NameID. */
    private static String format(JsonNode body, String nameId) {
        JsonNode value = body.get(NAME_ID_FORMAT);
        String problem = nameId == null ? "'nameIdFormat' is the format of 'nameId': send it with a 'nameId'." : null;
        if (problem == null && !(value.isTextual() && isAbsoluteUri(value.textValue().strip()))) {
            problem = "'nameIdFormat' must be an absolute URI, such as urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress "
                    + "or urn:oasis:names:tc:SAML:2.0:nameid-format:persistent.";
        }
        if (problem != null) {
            throw new Invalid(RequestField.NAME_ID_FORMAT.invalidCode(), problem);
        }
        return value.textValue().strip();
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            URI uri = new URI(text);
            return uri.isAbsolute() && !uri.getSchemeSpecificPart().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
