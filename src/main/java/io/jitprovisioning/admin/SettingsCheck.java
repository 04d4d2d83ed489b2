package io.jitprovisioning.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.RoleModel;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.JitSettingsBuilder;
import io.jitprovisioning.config.UnknownRolePolicy;
import io.jitprovisioning.roles.ProtectedRoles;
import io.jitprovisioning.roles.RealmRoleDirectory;

/**
 * Turns the settings of a setup request into {@link JitSettings}, strictly: unlike stored config (which falls back
 * to defaults so that sign-in never breaks), a request with a mistake is answered with the mistake.
 */
final class SettingsCheck {

    private final RealmRoleDirectory roles;
    final List<Problem> errors = new ArrayList<>();
    final List<Problem> warnings = new ArrayList<>();

    SettingsCheck(RealmRoleDirectory roles) {
        this.roles = roles;
    }

    /** The request's settings laid over {@code base} (the current settings on PUT, the defaults on POST). */
    JitSettings apply(JitSettings base, IdpSetupRequest request) {
        JitSettingsBuilder builder = base.toBuilder();
        if (request.jitEnabled() != null) {
            builder.jitEnabled(request.jitEnabled());
        }
        if (request.idpManagedRoles() != null) {
            builder.idpManagedRoles(request.idpManagedRoles());
        }
        if (request.defaultRole() != null) {
            builder.defaultRole(request.defaultRole().isBlank() ? null : checkDefaultRole(request.defaultRole().trim()));
        }
        if (request.attributeMapping() != null) {
            builder.attributeMapping(attributeMapping(request.attributeMapping()));
        }
        if (request.roleValues() != null) {
            request.roleValues().values().forEach(role -> checkRole(role, "UNKNOWN_ROLE_VALUE_TARGET", "PROTECTED_ROLE_VALUE_TARGET",
                    "the role-value table"));
            builder.roleValues(request.roleValues());
        }
        if (request.unknownRolePolicy() != null) {
            Optional<UnknownRolePolicy> policy = UnknownRolePolicy.parse(request.unknownRolePolicy());
            if (policy.isEmpty()) {
                errors.add(new Problem("INVALID_UNKNOWN_ROLE_POLICY", "unknownRolePolicy must be one of "
                        + List.of(UnknownRolePolicy.values()) + "."));
            }
            policy.ifPresent(builder::unknownRolePolicy);
        }
        if (request.assignableRoles() != null) {
            request.assignableRoles().forEach(role -> checkRole(role, "UNKNOWN_ASSIGNABLE_ROLE", "PROTECTED_ASSIGNABLE_ROLE",
                    "assignableRoles"));
            builder.assignableRoles(request.assignableRoles());
        }
        return builder.build();
    }

    private String checkDefaultRole(String name) {
        Optional<RoleModel> role = roles.findModel(name);
        if (role.isEmpty()) {
            errors.add(new Problem("UNKNOWN_DEFAULT_ROLE", "The default role '" + name + "' does not exist in this realm. "
                    + "Create it first, or leave defaultRole empty to use '" + JitSettings.FALLBACK_DEFAULT_ROLE + "'."));
        } else if (ProtectedRoles.isProtected(role.get())) {
            errors.add(new Problem("PROTECTED_DEFAULT_ROLE", "The default role '" + name + "' is or contains a Keycloak "
                    + "admin role; identity providers never grant those. Choose an ordinary role."));
        }
        return name;
    }

    private void checkRole(String name, String unknownCode, String protectedCode, String where) {
        Optional<RoleModel> role = roles.findModel(name);
        if (role.isEmpty()) {
            errors.add(new Problem(unknownCode, "The role '" + name + "' in " + where + " does not exist in this realm. "
                    + "Create it first, or write it as clientId.role for a client role."));
        } else if (ProtectedRoles.isProtected(role.get())) {
            warnings.add(new Problem(protectedCode, "The role '" + name + "' in " + where + " is or contains a Keycloak "
                    + "admin role: it will never be granted through the identity provider."));
        }
    }

    private Map<String, AttributeTarget> attributeMapping(Map<String, String> requested) {
        Map<String, AttributeTarget> mapping = new LinkedHashMap<>();
        requested.forEach((attribute, target) -> {
            Optional<AttributeTarget> parsed = AttributeTarget.parse(target);
            if (attribute == null || attribute.isBlank()) {
                errors.add(new Problem("INVALID_ATTRIBUTE_MAPPING", "An attribute mapping entry has no SAML attribute name."));
            } else if (parsed.isEmpty()) {
                errors.add(new Problem("INVALID_ATTRIBUTE_MAPPING", "The SAML attribute '" + attribute + "' is mapped to '"
                        + target + "'; use one of " + List.of(AttributeTarget.values()) + "."));
            } else {
                mapping.put(attribute.trim(), parsed.get());
            }
        });
        return mapping;
    }
}
