package io.jitprovisioning.config;

import java.util.Arrays;
import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/** The mapper's form in the admin console, in the product page's order and words, then the extension's extras. */
public final class JitConfigProperties {

    public static final List<ProviderConfigProperty> ALL = ProviderConfigurationBuilder.create()
            .property()
            .name(JitSettings.JIT_ENABLED)
            .label("JIT User Provisioning")
            .helpText("When on, an allowed user who signs in through this identity provider for the first time gets an "
                    + "account on the spot, with no invitation. When off, only users who already have an account "
                    + "(invited users) can sign in; everyone else is refused with code NOT_PROVISIONED.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("true")
            .add()
            .property()
            .name(JitSettings.DEFAULT_ROLE)
            .label("Default Role for User Provisioning")
            .helpText("The role every provisioned account gets (realm role, or client role as clientId.role). If none is "
                    + "chosen, the realm role '" + JitSettings.FALLBACK_DEFAULT_ROLE + "', created if missing. With IdP "
                    + "Managed Roles, also the role of users whose SAML response names no role.")
            .type(ProviderConfigProperty.ROLE_TYPE)
            .add()
            .property()
            .name(JitSettings.IDP_MANAGED_ROLES)
            .label("IdP Managed Roles")
            .helpText("When on, the SAML response sets each user's role and profile through the Attribute Mapping, at the "
                    + "first and at every later sign-in; roles this extension granted earlier and no longer sent are "
                    + "revoked, roles granted by hand never are. When off, the default role is granted at account "
                    + "creation only.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("false")
            .add()
            .property()
            .name(JitSettings.ATTRIBUTE_MAPPING)
            .label("Attribute Mapping")
            .helpText("Key: a SAML attribute's Name or FriendlyName (e.g. role, firstName, urn:oid:2.5.4.42). Value: one of "
                    + Arrays.toString(AttributeTarget.values()) + ". A mapped attribute absent from the response "
                    + "leaves the account's value as it is.")
            .type(ProviderConfigProperty.MAP_TYPE)
            .add()
            .property()
            .name(JitSettings.ROLE_VALUES)
            .label("Role values")
            .helpText("Optional. Key: a value the identity provider sends for USER_ROLE (e.g. 'Engineering'). Value: the "
                    + "Keycloak role it stands for (e.g. 'developer' or 'my-app.editor'). Values without an entry name a "
                    + "role directly, ignoring case.")
            .type(ProviderConfigProperty.MAP_TYPE)
            .add()
            .property()
            .name(JitSettings.UNKNOWN_ROLE_POLICY)
            .label("Unknown role policy")
            .helpText("When the identity provider sends role values but none names a role it may grant: DEFAULT_ROLE grants "
                    + "the default role; DENY refuses the sign-in (codes UNKNOWN_ROLE / ROLE_NOT_ALLOWED) and creates "
                    + "nothing; KEEP_CURRENT leaves the account's roles as they are.")
            .type(ProviderConfigProperty.LIST_TYPE)
            .options(Arrays.stream(UnknownRolePolicy.values()).map(Enum::name).toList())
            .defaultValue(UnknownRolePolicy.DEFAULT_ROLE.name())
            .add()
            .property()
            .name(JitSettings.ASSIGNABLE_ROLES)
            .label("Assignable roles")
            .helpText("Optional allowlist of the roles the identity provider may grant, one per line (realm role, or "
                    + "clientId.role). Empty: any role. Keycloak's admin roles, and composites containing them, are never "
                    + "granted whatever this says.")
            // Not MULTIVALUED_STRING_TYPE: the console's identity-provider mapper page sends such a field as a JSON
            // list, which the server's Map<String, String> config refuses ("Cannot parse the JSON").
            .type(ProviderConfigProperty.TEXT_TYPE)
            .add()
            .build();

    private JitConfigProperties() {
    }
}
