package io.jitprovisioning.roles;

import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_ROLES;
import static io.jitprovisioning.config.JitConfigProperties.UNKNOWN_ROLE_POLICY;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.saml.ValueCleaner;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.RefusedRole.Reason;

/**
 * The role rules: IdP role values to the roles an account should hold. Values go through the role-value table,
 * then name roles directly (ignoring case); protected roles and roles outside the allowlist are refused; when
 * nothing is left the unknown-role policy decides.
 */
public final class RoleResolver {

    /** More distinct values than this in one assertion are ignored: no sane IdP sends them. */
    public static final int MAX_ROLE_VALUES = 100;

    private final JitSettings settings;
    private final RoleDirectory directory;
    private final Supplier<Optional<RoleRef>> defaultRole;
    private RoleAllowlist allowlist;

    /**
     * @param defaultRole the default role, looked up only when needed (so that {@code Agent} is created only then)
     */
    public RoleResolver(JitSettings settings, RoleDirectory directory, Supplier<Optional<RoleRef>> defaultRole) {
        this.settings = settings;
        this.directory = directory;
        this.defaultRole = defaultRole;
    }

    /** The roles for an account whose roles the IdP manages, from the values of its USER_ROLE attributes. */
    public RoleDecision resolve(List<String> roleValues) {
        Set<String> values = ValueCleaner.distinctValues(roleValues, MAX_ROLE_VALUES);
        if (values.isEmpty()) {
            return defaultDecision(List.of());
        }
        Set<RoleRef> wanted = new LinkedHashSet<>();
        List<RefusedRole> refused = new ArrayList<>();
        for (String value : values) {
            String roleName = settings.roleForValue(value).orElse(value);
            Optional<RoleRef> role = directory.find(roleName);
            if (role.isEmpty()) {
                refused.add(new RefusedRole(value, directory.namesAdminRole(roleName) ? Reason.PROTECTED : Reason.UNKNOWN));
            } else if (directory.isProtected(role.get())) {
                refused.add(new RefusedRole(value, Reason.PROTECTED));
            } else if (!allowlist().admits(role.get())) {
                refused.add(new RefusedRole(value, Reason.NOT_ASSIGNABLE));
            } else {
                wanted.add(role.get());
            }
        }
        if (!wanted.isEmpty()) {
            return new RoleDecision(RoleDecision.Outcome.APPLY, wanted, refused, false, null);
        }
        switch (settings.get(UNKNOWN_ROLE_POLICY)) {
            case DENY:
                return new RoleDecision(RoleDecision.Outcome.REFUSE, Set.of(), refused, false, refusalFor(refused));
            case KEEP_CURRENT:
                return new RoleDecision(RoleDecision.Outcome.KEEP_CURRENT, Set.of(), refused, false, null);
            default:
                return defaultDecision(refused);
        }
    }

    /** Just the default role: for accounts whose roles the IdP does not manage, or that sent no role values. */
    public RoleDecision defaultDecision(List<RefusedRole> alreadyRefused) {
        List<RefusedRole> refused = new ArrayList<>(alreadyRefused);
        Set<RoleRef> wanted = new LinkedHashSet<>();
        Optional<RoleRef> role = defaultRole.get();
        if (role.isPresent() && directory.isProtected(role.get())) {
            refused.add(new RefusedRole(role.get().qualifiedName(), Reason.PROTECTED));
        } else {
            role.ifPresent(wanted::add);
        }
        return new RoleDecision(RoleDecision.Outcome.APPLY, wanted, refused, true, null);
    }

    private static JitError refusalFor(List<RefusedRole> refused) {
        boolean anyExists = refused.stream().anyMatch(r -> r.reason() != Reason.UNKNOWN);
        return anyExists ? JitError.ROLE_NOT_ALLOWED : JitError.UNKNOWN_ROLE;
    }

    /**
     * Whether a role the IdP granted earlier may stay under {@code KEEP_CURRENT}: only while it is still neither
     * protected nor outside the allowlist.
     */
    public boolean mayKeep(RoleRef role) {
        return !directory.isProtected(role) && allowlist().admits(role);
    }

    /** Assignable roles as the realm resolves them, looked up once. */
    public RoleAllowlist allowlist() {
        if (allowlist == null) {
            allowlist = RoleAllowlist.resolve(settings.get(ASSIGNABLE_ROLES), directory);
        }
        return allowlist;
    }
}
