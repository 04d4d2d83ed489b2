package io.jitprovisioning.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.Constants;

import io.jitprovisioning.config.JitSettings;

/** Reads the setup page's stored form as a setup request: the same checks and writes as the REST API. */
final class SetupPageRequest {

    private SetupPageRequest() {
    }

    static IdpSetupRequest from(ComponentModel model) {
        Map<String, String> flat = new LinkedHashMap<>();
        model.getConfig().forEach((key, values) -> {
            if (values != null && !values.isEmpty()) {
                flat.put(SetupPageFields.settingKey(key), String.join(Constants.CFG_DELIMITER, values));
            }
        });
        JitSettings settings = JitSettings.from(flat);
        if (!settings.problems().isEmpty()) {
            throw new ComponentValidationException(String.join("; ", settings.problems()));
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        settings.attributeMapping().forEach((attribute, target) -> mapping.put(attribute, target.name()));
        String defaultRole = settings.usesFallbackDefaultRole() ? "" : settings.defaultRole();
        return new IdpSetupRequest(flat.get(JitSetupPageFactory.ALIAS), flat.get(JitSetupPageFactory.DISPLAY_NAME),
                flat.get(JitSetupPageFactory.METADATA), flat.get(JitSetupPageFactory.ENTITY_ID), settings.jitEnabled(),
                defaultRole, settings.idpManagedRoles(), mapping, settings.roleValues(), settings.unknownRolePolicy().name(),
                List.copyOf(settings.assignableRoles()));
    }
}
