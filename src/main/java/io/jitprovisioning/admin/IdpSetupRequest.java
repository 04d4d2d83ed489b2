package io.jitprovisioning.admin;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST} and {@code PUT /identity-providers}. On PUT every field may be left out: what is absent
 * stays as it is; {@code metadata} re-reads endpoints and certificates (a certificate rollover).
 */
public record IdpSetupRequest(String alias, String displayName, String metadata, String entityId, Boolean jitEnabled,
                              String defaultRole, Boolean idpManagedRoles, Map<String, String> attributeMapping,
                              Map<String, String> roleValues, String unknownRolePolicy, List<String> assignableRoles) {
}
