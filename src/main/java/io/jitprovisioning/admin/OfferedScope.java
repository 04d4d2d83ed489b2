package io.jitprovisioning.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.JitSettingsBuilder;
import io.jitprovisioning.delegation.OrganizationLimits;
import io.jitprovisioning.groups.GroupAllowlist;
import io.jitprovisioning.groups.GroupRef;
import io.jitprovisioning.groups.RealmGroupDirectory;
import io.jitprovisioning.identity.Identifiers;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.roles.RoleAllowlist;

/**
 * What an organization's identity provider may grant, by its limits: the roles and groups offered (a listed group with
 * its subgroups), never a protected one, and email domains among the organization's verified ones. Names are
 * compared as the realm resolves them (the role or group itself), never as text. An empty offered list offers
 * nothing (for the JIT allowlists, empty would mean "any").
 */
final class OfferedScope {

    private final OrganizationLimits limits;
    private final RealmRoleDirectory roles;
    private final RealmGroupDirectory groups;
    private final RoleAllowlist offeredRoles;
    private final GroupAllowlist offeredGroups;
    private final Set<String> verifiedDomains;

    OfferedScope(KeycloakSession session, RealmModel realm, OrganizationModel organization, OrganizationLimits limits) {
        this.limits = limits;
        this.roles = new RealmRoleDirectory(session, realm);
        this.groups = new RealmGroupDirectory(session, realm);
        this.offeredRoles = RoleAllowlist.resolve(limits.offeredRoles(), roles);
        this.offeredGroups = GroupAllowlist.resolve(limits.offeredGroups(), groups);
        this.verifiedDomains = organization.getDomains().filter(OrganizationDomainModel::isVerified)
                .map(domain -> Identifiers.domain(domain.getName())).flatMap(Optional::stream).collect(Collectors.toSet());
    }

    /** NOT_OFFERED for each role or group the settings would grant outside the limits; NOT_ORGANIZATION_DOMAIN per domain. */
    List<Problem> outside(JitSettings settings) {
        List<Problem> problems = new ArrayList<>();
        String defaultRole = settings.get(JitConfigProperties.DEFAULT_ROLE);
        if (!roleOffered(defaultRole)) {
            problems.add(notOffered("defaultRole", "role", defaultRole, limits.offeredRoles()));
        }
        settings.get(JitConfigProperties.ROLE_VALUES).values().stream().distinct().filter(role -> !roleOffered(role))
                .forEach(role -> problems.add(notOffered("roleValues", "role", role, limits.offeredRoles())));
        if (settings.get(JitConfigProperties.IDP_MANAGED_ROLES) && limits.offeredRoles().isEmpty()) {
            problems.add(new Problem(ProblemCode.NOT_OFFERED, "idpManagedRoles: this organization may offer no role."));
        }
        settings.get(JitConfigProperties.GROUP_VALUES).values().stream().distinct().filter(group -> !groupOffered(group))
                .forEach(group -> problems.add(notOffered("groupValues", "group", group, limits.offeredGroups())));
        if (limits.offeredGroups().isEmpty() && settings.get(JitConfigProperties.ATTRIBUTE_MAPPING).containsValue(AttributeTarget.USER_GROUP)) {
            problems.add(new Problem(ProblemCode.NOT_OFFERED, "attributeMapping: this organization may offer no group, so no "
                    + "attribute can be mapped to USER_GROUP."));
        }
        for (String domain : settings.get(JitConfigProperties.ALLOWED_EMAIL_DOMAINS)) {
            if (Identifiers.domain(domain).filter(verifiedDomains::contains).isEmpty()) {
                problems.add(new Problem(ProblemCode.NOT_ORGANIZATION_DOMAIN, "allowedEmailDomains: '" + domain + "' is not one of "
                        + "this organization's verified domains" + (verifiedDomains.isEmpty() ? " (it has none)." : ": "
                        + String.join(", ", verifiedDomains.stream().sorted().toList()) + ".")));
            }
        }
        return problems;
    }

    /**
     * The settings as an organization's JIT mapper stores them: the allowlists are the limits, so that what the IdP
     * sends at sign-in is held to them too; with no group offered no attribute maps to groups, with no role offered
     * the IdP manages none. A default role no longer offered (the limits changed) becomes the first offered role; with
     * none offered, JIT is switched off (new people are refused with NOT_PROVISIONED, existing accounts still sign in).
     */
    JitSettings within(JitSettings settings) {
        JitSettingsBuilder restricted = settings.toBuilder().set(JitConfigProperties.ASSIGNABLE_ROLES, limits.offeredRoles())
                .set(JitConfigProperties.ASSIGNABLE_GROUPS, limits.offeredGroups());
        if (limits.offeredGroups().isEmpty()) {
            Map<String, AttributeTarget> mapping = new LinkedHashMap<>(settings.get(JitConfigProperties.ATTRIBUTE_MAPPING));
            mapping.values().removeIf(AttributeTarget.USER_GROUP::equals);
            restricted.set(JitConfigProperties.ATTRIBUTE_MAPPING, mapping).set(JitConfigProperties.GROUP_VALUES, Map.of());
        }
        if (limits.offeredRoles().isEmpty()) {
            restricted.set(JitConfigProperties.IDP_MANAGED_ROLES, false).set(JitConfigProperties.JIT_ENABLED, false);
        } else if (!roleOffered(settings.get(JitConfigProperties.DEFAULT_ROLE))) {
            restricted.set(JitConfigProperties.DEFAULT_ROLE, limits.offeredRoles().get(0));
        }
        return restricted.build();
    }

    private boolean roleOffered(String name) {
        return !limits.offeredRoles().isEmpty() && name != null
                && roles.find(name).filter(role -> !roles.isProtected(role)).map(offeredRoles::admits).orElse(false);
    }

    private boolean groupOffered(String pathOrName) {
        if (limits.offeredGroups().isEmpty()) {
            return false;
        }
        List<GroupRef> found = groups.find(pathOrName);
        return found.size() == 1 && !RealmGroupDirectory.isProtected(groups.findModels(pathOrName.trim()).get(0))
                && offeredGroups.admits(found.get(0));
    }

    private static Problem notOffered(String field, String kind, String name, List<String> offered) {
        return new Problem(ProblemCode.NOT_OFFERED, field + ": the " + kind + " '" + name + "' is not one this organization may "
                + "offer" + (offered.isEmpty() ? " (it may offer no " + kind + ")." : ": " + String.join(", ", offered) + "."));
    }
}
