package io.jitprovisioning.admin;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.jitprovisioning.config.RealmCatalog;
import io.jitprovisioning.delegation.OrganizationLimits;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/**
 * The body of {@code PUT /organizations/{id}/limits} and {@code PUT /organization-defaults}, read strictly: all three
 * fields, each role and group one the realm has and may grant (never an admin role, or a group holding one).
 */
final class LimitsRequest {

    static final String OFFERED_ROLES = "offeredRoles";
    static final String OFFERED_GROUPS = "offeredGroups";
    static final String MAX_IDENTITY_PROVIDERS = "maxIdentityProviders";
    private static final List<String> FIELDS = List.of(OFFERED_ROLES, OFFERED_GROUPS, MAX_IDENTITY_PROVIDERS);

    private LimitsRequest() {
    }

    static OrganizationLimits read(String body, RealmCatalog realm) throws SetupRejected {
        ObjectNode json = IdpSetupRequest.object(body, "a JSON object with offeredRoles, offeredGroups and maxIdentityProviders");
        List<Problem> problems = new ArrayList<>();
        json.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                problems.add(new Problem(ProblemCode.UNKNOWN_FIELD, "Unknown field '" + field + "'. The fields are " + String.join(", ", FIELDS) + "."));
            }
        });
        List<String> roles = names(json, OFFERED_ROLES, problems);
        List<String> groups = names(json, OFFERED_GROUPS, problems);
        JsonNode max = json.get(MAX_IDENTITY_PROVIDERS);
        if (max == null || !max.isInt() || max.intValue() < 0 || max.intValue() > OrganizationLimits.CEILING) {
            problems.add(new Problem(ProblemCode.INVALID_LIMITS, MAX_IDENTITY_PROVIDERS + " must be a whole number from 0 to "
                    + OrganizationLimits.CEILING + "."));
        }
        roles.forEach(role -> check("role", role, realm.role(role), problems));
        groups.forEach(group -> check("group", group, realm.group(group), problems));
        if (!problems.isEmpty()) {
            throw new SetupRejected(400, problems, List.of());
        }
        return new OrganizationLimits(roles, groups, max.intValue());
    }

    private static List<String> names(ObjectNode json, String field, List<Problem> problems) {
        JsonNode value = json.get(field);
        if (value == null || !value.isArray()) {
            problems.add(new Problem(ProblemCode.INVALID_LIMITS, field + " must be an array of names (it may be empty)."));
            return List.of();
        }
        List<String> names = new ArrayList<>();
        value.forEach(entry -> {
            if (entry.isTextual() && !entry.textValue().isBlank() && !entry.textValue().contains("##")) {
                names.add(entry.textValue().trim());
            } else {
                problems.add(new Problem(ProblemCode.INVALID_LIMITS, field + ": every entry must be a name."));
            }
        });
        return names.stream().distinct().toList();
    }

    private static void check(String kind, String name, RealmCatalog.Status status, List<Problem> problems) {
        if (status == RealmCatalog.Status.UNKNOWN) {
            problems.add(new Problem(ProblemCode.UNKNOWN_OFFERED, "The realm has no " + kind + " '" + name + "'."));
        } else if (status == RealmCatalog.Status.PROTECTED) {
            problems.add(new Problem(ProblemCode.PROTECTED_OFFERED, "The " + kind + " '" + name + "' is, or holds, a Keycloak admin "
                    + "role: no identity provider may grant it, so no organization may offer it."));
        }
    }
}
