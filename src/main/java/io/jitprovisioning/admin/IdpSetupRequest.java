package io.jitprovisioning.admin;

import java.util.List;
import java.util.Map;

import org.keycloak.models.Constants;

import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.config.RoleCatalog;
import io.jitprovisioning.config.SettingsInput;

/**
 * What a setup is asked to do: the body of {@code POST} and {@code PUT /identity-providers}, or the console page's
 * form. On PUT every field may be left out: what is absent stays as it is; {@code metadata} re-reads endpoints and
 * certificates (a certificate rollover).
 */
record IdpSetupRequest(String alias, String displayName, String metadata, String entityId, SettingsInput settings) {

    static final String ALIAS = "alias";
    static final String DISPLAY_NAME = "displayName";
    static final String METADATA = "metadata";
    static final String ENTITY_ID = "entityId";

    static IdpSetupRequest fromJson(JsonNode body, RoleCatalog roles) {
        return new IdpSetupRequest(text(body, ALIAS), text(body, DISPLAY_NAME), text(body, METADATA), text(body, ENTITY_ID),
                SettingsInput.fromJson(body, roles));
    }

    static IdpSetupRequest fromForm(Map<String, List<String>> form, RoleCatalog roles) {
        return new IdpSetupRequest(first(form, ALIAS), first(form, DISPLAY_NAME), first(form, METADATA), first(form, ENTITY_ID),
                SettingsInput.fromForm(form, roles));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String first(Map<String, List<String>> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() ? null : String.join(Constants.CFG_DELIMITER, values);
    }
}
