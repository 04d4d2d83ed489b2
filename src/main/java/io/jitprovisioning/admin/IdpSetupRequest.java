package io.jitprovisioning.admin;

import java.util.ArrayList;
import java.util.Collections;
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
import io.jitprovisioning.config.RequestField;
import io.jitprovisioning.config.Setting;
import io.jitprovisioning.config.SettingsInput;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/**
 * What a setup is asked to do: the body of {@code POST} and {@code PUT /identity-providers}, or the console page's
 * form (alias and file only). On PUT every field may be left out: what is absent stays as it is; {@code metadata} re-reads endpoints and
 * certificates (a certificate rollover). A JSON body is read strictly: a field it does not have, or one of the wrong
 * type, is refused with its code before anything is looked at.
 *
 * @param enabled null: as it is (on PUT), on (a realm administrator's new identity provider)
 */
record IdpSetupRequest(String alias, String displayName, String metadata, String entityId, String nameIdFormat, Boolean enabled,
                       SettingsInput settings) {

    static final String ALIAS = RequestField.ALIAS.name();
    static final String METADATA = RequestField.METADATA.name();
    static final String ENTITY_ID = RequestField.ENTITY_ID.name();

    /** The body's own text fields, besides the settings. */
    private static final List<RequestField> TEXT_FIELDS = List.of(RequestField.ALIAS, RequestField.DISPLAY_NAME,
            RequestField.METADATA, RequestField.ENTITY_ID, RequestField.NAME_ID_FORMAT);

    /** The fields an organization's body may have: no alias or entity id of its own, no allowlists (its limits are those). */
    static final Set<String> ORGANIZATION_FIELDS = organizationFields();

    /**
     * @param body the request body as sent
     * @param what what to send, for the message when the body is not a JSON object
     */
    static IdpSetupRequest fromJson(String body, String what, RealmCatalog realm) throws SetupRejected {
        return fromJson(object(body, what), realm, fields());
    }

    /** A JSON object already read, with the fields {@code allowed}: any other is {@code UNKNOWN_FIELD}. */
    static IdpSetupRequest fromJson(ObjectNode json, RealmCatalog realm, Set<String> allowed) throws SetupRejected {
        List<Problem> problems = new ArrayList<>();
        json.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                problems.add(new Problem(ProblemCode.UNKNOWN_FIELD, "Unknown field '" + field + "'. The fields are " + String.join(", ", allowed) + "."));
            }
        });
        TEXT_FIELDS.forEach(field -> {
            if (json.has(field.name()) && !json.get(field.name()).isTextual()) {
                problems.add(new Problem(field.invalidCode(), "'" + field.name() + "' must be a string; leave it out to "
                        + (field == RequestField.ALIAS ? "take the alias from the URL (PUT)." : "keep it as it is.")));
            }
        });
        if (json.has(RequestField.ENABLED.name()) && !json.get(RequestField.ENABLED.name()).isBoolean()) {
            problems.add(new Problem(RequestField.ENABLED.invalidCode(), "'enabled' must be true or false."));
        }
        if (!problems.isEmpty()) {
            throw new SetupRejected(400, problems, List.of());
        }
        JsonNode enabled = json.get(RequestField.ENABLED.name());
        return new IdpSetupRequest(text(json, ALIAS), text(json, RequestField.DISPLAY_NAME.name()), text(json, METADATA), text(json, ENTITY_ID),
                text(json, RequestField.NAME_ID_FORMAT.name()), enabled == null ? null : enabled.booleanValue(),
                SettingsInput.fromJson(json, realm));
    }

    static ObjectNode object(String body, String what) throws SetupRejected {
        try {
            return StrictJson.object(body, what);
        } catch (StrictJson.NotAnObject notAnObject) {
            throw SetupRejected.badRequest(ProblemCode.INVALID_REQUEST, notAnObject.getMessage());
        }
    }

    /**
     * The console page's form: the file and the alias, which the JIT mapper cannot hold. The page holds no settings
     * (they live on the identity provider's JIT mapper only): a new identity provider starts with the defaults.
     */
    static IdpSetupRequest fromForm(Map<String, List<String>> form) {
        return new IdpSetupRequest(first(form, ALIAS), null, first(form, METADATA), first(form, ENTITY_ID), null, null, SettingsInput.none());
    }

    /** This request for another alias, the one the organization's identity provider gets. */
    IdpSetupRequest withAlias(String newAlias) {
        return new IdpSetupRequest(newAlias, displayName, metadata, entityId, nameIdFormat, enabled, settings);
    }

    /** This request for a new identity provider that starts off (an organization's, until it has been tested). */
    IdpSetupRequest off() {
        return new IdpSetupRequest(alias, displayName, metadata, entityId, nameIdFormat, false, settings);
    }

    /** The fields of a realm administrator's JSON body, in the order of docs/rest-api.md. */
    private static Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>(TEXT_FIELDS.stream().map(RequestField::name).toList());
        fields.add(RequestField.ENABLED.name());
        JitConfigProperties.SETTINGS.stream().map(Setting::name).forEach(fields::add);
        return fields;
    }

    private static Set<String> organizationFields() {
        Set<String> fields = new LinkedHashSet<>(fields());
        fields.removeAll(Set.of(ALIAS, ENTITY_ID, JitConfigProperties.ASSIGNABLE_ROLES.name(), JitConfigProperties.ASSIGNABLE_GROUPS.name()));
        return Collections.unmodifiableSet(fields);
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
