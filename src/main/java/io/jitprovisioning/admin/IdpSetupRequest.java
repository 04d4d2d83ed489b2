package io.jitprovisioning.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.keycloak.models.Constants;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jitprovisioning.StrictJson;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.RealmCatalog;
import io.jitprovisioning.config.Setting;
import io.jitprovisioning.config.SettingsInput;

/**
 * What a setup is asked to do: the body of {@code POST} and {@code PUT /identity-providers}, or the console page's
 * form. On PUT every field may be left out: what is absent stays as it is; {@code metadata} re-reads endpoints and
 * certificates (a certificate rollover). A JSON body is read strictly: a field it does not have, or one of the wrong
 * type, is refused with its code before anything is looked at.
 */
record IdpSetupRequest(String alias, String displayName, String metadata, String entityId, SettingsInput settings) {

    static final String ALIAS = "alias";
    static final String DISPLAY_NAME = "displayName";
    static final String METADATA = "metadata";
    static final String ENTITY_ID = "entityId";

    /** Each text field with the code of its type error. */
    private static final Map<String, String> TEXT_FIELDS = Map.of(ALIAS, "INVALID_ALIAS", DISPLAY_NAME, "INVALID_DISPLAY_NAME",
            METADATA, "INVALID_METADATA", ENTITY_ID, "INVALID_ENTITY_ID");

    /**
     * @param body the request body as sent
     * @param what what to send, for the message when the body is not a JSON object
     */
    static IdpSetupRequest fromJson(String body, String what, RealmCatalog realm) throws SetupRejected {
        ObjectNode json;
        try {
            json = StrictJson.object(body, what);
        } catch (StrictJson.NotAnObject notAnObject) {
            throw SetupRejected.badRequest("INVALID_REQUEST", notAnObject.getMessage());
        }
        List<Problem> problems = new ArrayList<>();
        json.fieldNames().forEachRemaining(field -> {
            if (!fields().contains(field)) {
                problems.add(new Problem("UNKNOWN_FIELD", "Unknown field '" + field + "'. The fields are " + String.join(", ", fields()) + "."));
            }
        });
        TEXT_FIELDS.forEach((field, code) -> {
            if (json.has(field) && !json.get(field).isTextual()) {
                problems.add(new Problem(code, "'" + field + "' must be a string; leave it out to " + (ALIAS.equals(field)
                        ? "take the alias from the URL (PUT)." : "keep it as it is.")));
            }
        });
        if (!problems.isEmpty()) {
            throw new SetupRejected(400, problems, List.of());
        }
        return new IdpSetupRequest(text(json, ALIAS), text(json, DISPLAY_NAME), text(json, METADATA), text(json, ENTITY_ID),
                SettingsInput.fromJson(json, realm));
    }

    static IdpSetupRequest fromForm(Map<String, List<String>> form, RealmCatalog realm) {
        return new IdpSetupRequest(first(form, ALIAS), first(form, DISPLAY_NAME), first(form, METADATA), first(form, ENTITY_ID),
                SettingsInput.fromForm(form, realm));
    }

    /** The fields of a JSON body, in the README's order. */
    private static Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>(List.of(ALIAS, DISPLAY_NAME, METADATA, ENTITY_ID));
        JitConfigProperties.SETTINGS.stream().map(Setting::name).forEach(fields::add);
        return fields;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null ? null : value.textValue();
    }

    /** A form field's values; a value the form sent as null is no value. */
    private static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field) == null ? List.of() : form.get(field).stream().filter(Objects::nonNull).toList();
        return values.isEmpty() ? null : String.join(Constants.CFG_DELIMITER, values);
    }
}
