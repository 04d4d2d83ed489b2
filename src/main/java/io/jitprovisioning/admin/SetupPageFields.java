package io.jitprovisioning.admin;

import java.util.Map;
import java.util.stream.Collectors;

import org.keycloak.provider.ProviderConfigProperty;

import io.jitprovisioning.config.JitConfigProperties;

/**
 * The setup page's names for the JIT settings. The console's page form replaces dots in field names when it sends
 * them, so the page names each mapper key in camelCase ({@code jit.enabled} is {@code jitEnabled}), as the REST API does.
 */
final class SetupPageFields {

    private static final Map<String, String> SETTING_KEYS = JitConfigProperties.ALL.stream()
            .collect(Collectors.toMap(property -> pageKey(property.getName()), ProviderConfigProperty::getName));

    private SetupPageFields() {
    }

    /** The page's key of a JIT setting: the mapper's key in camelCase ("jit.enabled" -> "jitEnabled"). */
    static String pageKey(String settingKey) {
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : settingKey.toCharArray()) {
            if (c == '.') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return key.toString();
    }

    /** The mapper's key of a page field ({@link #pageKey} reversed); other keys as they are. */
    static String settingKey(String pageKey) {
        return SETTING_KEYS.getOrDefault(pageKey, pageKey);
    }

    static ProviderConfigProperty onPage(ProviderConfigProperty mapperProperty) {
        ProviderConfigProperty property = new ProviderConfigProperty(pageKey(mapperProperty.getName()), mapperProperty.getLabel(),
                mapperProperty.getHelpText(), mapperProperty.getType(), mapperProperty.getDefaultValue());
        property.setOptions(mapperProperty.getOptions());
        property.setRequired(mapperProperty.isRequired());
        return property;
    }
}
