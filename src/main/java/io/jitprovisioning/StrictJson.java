package io.jitprovisioning;

import java.io.IOException;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON body an administrator sent, read strictly: one JSON object, each field once, nothing after it. A lenient
 * reader takes the last of two equal fields and ignores what follows the object, so a body could mean something else
 * than it seems to whoever reviews it.
 */
public final class StrictJson {

    private static final ObjectReader READER = JsonSerialization.mapper.reader()
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Not a JSON object; the message says why, without echoing the body. */
    public static final class NotAnObject extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnObject(String message) {
            super(message, null, false, false);
        }
    }

    private StrictJson() {
    }

    /**
     * @param text the body, never null
     * @param what what to send, for the message (e.g. "a JSON object with alias and metadata")
     */
    public static ObjectNode object(String text, String what) throws NotAnObject {
        if (text.isBlank()) {
            throw new NotAnObject("The body is empty: send " + what + ".");
        }
        JsonNode json;
        try {
            json = READER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            String twice = String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field") ? ": a field appears twice" : "";
            throw new NotAnObject("The body is not valid JSON" + where + twice + ". Send " + what + ".");
        } catch (IOException e) {
            throw new NotAnObject("The body could not be read. Send " + what + ".");
        }
        if (json == null || !json.isObject()) {
            throw new NotAnObject("The body is JSON, but not an object. Send " + what + ".");
        }
        return (ObjectNode) json;
    }
}
