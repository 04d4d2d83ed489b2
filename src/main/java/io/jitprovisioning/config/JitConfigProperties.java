package io.jitprovisioning.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.keycloak.provider.ProviderConfigProperty;

import io.jitprovisioning.problem.ProblemCode;

import io.jitprovisioning.problem.Problem;

/**
 * The JIT settings: each one's key, console widget (label, help text, type), default, format and checks, in the
 * product page's order and words, then the extension's extras. The mapper form, the console page and the REST API
 * are all made from this list.
 */
public final class JitConfigProperties {

    public static final Setting<Boolean> JIT_ENABLED = define("jit.enabled", SettingFormats.BOOLEAN, true,
            ProviderConfigProperty.BOOLEAN_TYPE, "JIT User Provisioning",
            "When on, an allowed user who signs in through this identity provider for the first time gets an account on "
                    + "the spot, with no invitation. When off, only users who already have an account (invited users) can "
                    + "sign in; everyone else is refused with code NOT_PROVISIONED.", null);

    /** The product page's default role, {@code Agent}: a realm role, created when missing (the realm's preparation). */
    public static final Setting<String> DEFAULT_ROLE = define("default.role", SettingFormats.TEXT, "Agent",
            ProviderConfigProperty.ROLE_TYPE, "Default Role for User Provisioning",
            "The role every provisioned account gets (realm role, or client role as clientId.role). The default, the realm "
                    + "role 'Agent', is created if missing. With IdP Managed Roles, also the role of users whose SAML response "
                    + "names no role.",
            (role, roles) -> JitConfigProperties.DEFAULT_ROLE.isDefault(role) ? List.of()
                    : Setting.roleIssues(List.of(role), roles, ProblemCode.UNKNOWN_DEFAULT_ROLE, ProblemCode.PROTECTED_DEFAULT_ROLE,
                            "defaultRole (leave it empty to use 'Agent')"));

    public static final Setting<Boolean> IDP_MANAGED_ROLES = define("idp.managed.roles", SettingFormats.BOOLEAN, false,
            ProviderConfigProperty.BOOLEAN_TYPE, "IdP Managed Roles",
            "When on, the SAML response sets each user's role and profile through the Attribute Mapping, at the first and "
                    + "at every later sign-in; roles this identity provider granted earlier and no longer sends are revoked, "
                    + "roles granted by hand never are. When off, the default role is granted at account creation only.", null);

    public static final Setting<Map<String, AttributeTarget>> ATTRIBUTE_MAPPING = define("attribute.mapping",
            SettingFormats.table(value -> SettingFormats.parseEnum(AttributeTarget.class, value), Enum::name,
                    "one of " + Arrays.toString(AttributeTarget.values())),
            Map.of(), ProviderConfigProperty.MAP_TYPE, "Attribute Mapping",
            "Key: a SAML attribute's Name or FriendlyName (e.g. role, groups, firstName, urn:oid:2.5.4.42). Value: one of "
                    + Arrays.toString(AttributeTarget.values()) + ". A mapped attribute absent from the response leaves the "
                    + "account's value as it is.", null);

    public static final Setting<Map<String, String>> ROLE_VALUES = define("role.values",
            SettingFormats.table(Optional::of, role -> role, "a role"),
            Map.of(), ProviderConfigProperty.MAP_TYPE, "Role values",
            "Optional. Key: a value the identity provider sends for USER_ROLE (e.g. 'Engineering'). Value: the Keycloak role "
                    + "it stands for (e.g. 'developer' or 'my-app.editor'). Values without an entry name a role directly, "
                    + "ignoring case.",
            (table, roles) -> Setting.roleIssues(table.values(), roles, ProblemCode.UNKNOWN_ROLE_VALUE_TARGET,
                    ProblemCode.PROTECTED_ROLE_VALUE_TARGET, "the role-value table"));

    public static final Setting<UnknownRolePolicy> UNKNOWN_ROLE_POLICY = define("unknown.role.policy",
            SettingFormats.enumeration(UnknownRolePolicy.class), UnknownRolePolicy.DEFAULT_ROLE, ProviderConfigProperty.LIST_TYPE,
            "Unknown role policy",
            "When the identity provider sends role values but none names a role it may grant: DEFAULT_ROLE grants the "
                    + "default role; DENY refuses the sign-in (codes UNKNOWN_ROLE / ROLE_NOT_ALLOWED) and creates nothing; "
                    + "KEEP_CURRENT leaves the account's roles as they are.", null);

    public static final Setting<List<String>> ASSIGNABLE_ROLES = define("assignable.roles", SettingFormats.LINES, List.of(),
            // Not MULTIVALUED_STRING_TYPE: the console's identity-provider mapper page sends such a field as a JSON list,
            // which the server's Map<String, String> config refuses ("Cannot parse the JSON").
            ProviderConfigProperty.TEXT_TYPE, "Assignable roles",
            "Optional allowlist of the roles the identity provider may grant, one per line (realm role, or clientId.role). "
                    + "Empty: any role. Keycloak's admin roles, and composites containing them, are never granted whatever "
                    + "this says. Set, but no entry names a role: every sign-in is refused (SETTINGS_INVALID).",
            (allowed, roles) -> Setting.roleIssues(allowed, roles, ProblemCode.UNKNOWN_ASSIGNABLE_ROLE, ProblemCode.PROTECTED_ASSIGNABLE_ROLE,
                    "assignableRoles"));

    public static final Setting<Map<String, String>> GROUP_VALUES = define("group.values",
            SettingFormats.table(Optional::of, group -> group, "a group"),
            Map.of(), ProviderConfigProperty.MAP_TYPE, "Group values",
            "Optional. Key: a value the identity provider sends for USER_GROUP (e.g. 'Backend Team'). Value: the Keycloak group it "
                    + "stands for, by path (e.g. '/engineering/backend'). Values without an entry name a group directly: by path, "
                    + "or by name ignoring case when only one group has it. Groups are never created.",
            (table, realm) -> Setting.groupIssues(table.values(), realm, ProblemCode.UNKNOWN_GROUP, "the group-value table"));

    public static final Setting<List<String>> ASSIGNABLE_GROUPS = define("assignable.groups", SettingFormats.LINES, List.of(),
            ProviderConfigProperty.TEXT_TYPE, "Assignable groups",
            "Optional allowlist of the groups the identity provider may place users in, one path per line; a listed group "
                    + "includes its subgroups. Empty: any group. Groups holding Keycloak admin roles (themselves, through "
                    + "composites, or through a parent group) are never joined whatever this says. Set, but no entry names "
                    + "exactly one group: every sign-in is refused (SETTINGS_INVALID).",
            (allowed, realm) -> Setting.groupIssues(allowed, realm, ProblemCode.UNKNOWN_ASSIGNABLE_GROUP, "assignableGroups"));

    public static final Setting<List<String>> ALLOWED_EMAIL_DOMAINS = define("allowed.email.domains", SettingFormats.DOMAINS,
            List.of(), ProviderConfigProperty.TEXT_TYPE, "Allowed email domains",
            "Optional, one domain per line (e.g. acme.com). An account is created only for an email in one of these domains, "
                    + "and an existing account's sign-in through this identity provider is refused when the asserted email is "
                    + "outside them (code DOMAIN_NOT_ALLOWED). Empty: any domain. An entry that is not a domain (an address, a "
                    + "wildcard) refuses every sign-in (SETTINGS_INVALID).", null, ProblemCode.INVALID_EMAIL_DOMAIN);

    public static final Setting<String> REQUIRED_ATTRIBUTE = define("required.attribute", SettingFormats.TEXT, null,
            ProviderConfigProperty.STRING_TYPE, "Required attribute",
            "Optional. The SAML attribute (Name or FriendlyName) that must carry one of the Required values for anyone to "
                    + "sign in through this identity provider, first or later (code NOT_ALLOWED). Without Required values, "
                    + "every sign-in is refused (SETTINGS_INVALID).", null);

    public static final Setting<List<String>> REQUIRED_VALUES = define("required.values", SettingFormats.LINES, List.of(),
            ProviderConfigProperty.TEXT_TYPE, "Required values",
            "The values of the Required attribute that let a user in, one per line, matched exactly after the usual "
                    + "cleaning (spaces collapsed, invisible characters removed). Without a Required attribute, or with a "
                    + "value that is only spaces or invisible characters, every sign-in is refused (SETTINGS_INVALID).", null);

    /** Every setting, in the order of the console's forms. */
    public static final List<Setting<?>> SETTINGS = List.of(JIT_ENABLED, DEFAULT_ROLE, IDP_MANAGED_ROLES, ATTRIBUTE_MAPPING,
            ROLE_VALUES, UNKNOWN_ROLE_POLICY, ASSIGNABLE_ROLES, GROUP_VALUES, ASSIGNABLE_GROUPS, ALLOWED_EMAIL_DOMAINS,
            REQUIRED_ATTRIBUTE, REQUIRED_VALUES);

    /** The mapper's form in the admin console. */
    public static final List<ProviderConfigProperty> ALL = SETTINGS.stream().map(Setting::property).toList();

    private JitConfigProperties() {
    }

    private static <T> Setting<T> define(String key, SettingFormat<T> format, T defaultValue, String type, String label,
                                         String helpText, BiFunction<T, RealmCatalog, List<Problem>> realmCheck) {
        return define(key, format, defaultValue, type, label, helpText, realmCheck,
                ProblemCode.valueOf("INVALID_" + key.replace('.', '_').toUpperCase(java.util.Locale.ROOT)));
    }

    private static <T> Setting<T> define(String key, SettingFormat<T> format, T defaultValue, String type, String label,
                                         String helpText, BiFunction<T, RealmCatalog, List<Problem>> realmCheck,
                                         ProblemCode invalidCode) {
        ProviderConfigProperty property = new ProviderConfigProperty(key, label, helpText, type,
                defaultValue == null || defaultValue instanceof Map || defaultValue instanceof List ? null : format.write(defaultValue));
        if (defaultValue instanceof Enum<?> constant) {
            property.setOptions(Arrays.stream(constant.getDeclaringClass().getEnumConstants()).map(Enum::name).toList());
        }
        return new Setting<>(key, property, defaultValue, format, invalidCode, realmCheck);
    }
}
