package io.jitprovisioning.groups;

import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_GROUPS;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.groups.RefusedGroup.Reason;
import io.jitprovisioning.saml.ValueCleaner;

/**
 * The group rules: IdP group values to the groups an account should be in. Values go through the group-value
 * table, then name a group by path or by name, when only one group answers to it; groups holding admin rights and
 * groups outside the allowlist (a listed group includes its subgroups, by id) are refused. Groups are never created.
 */
public final class GroupResolver {

    /** More distinct values than this in one assertion are ignored, as for roles. */
    public static final int MAX_GROUP_VALUES = 100;

    private final JitSettings settings;
    private final GroupDirectory directory;
    private GroupAllowlist allowlist;

    public GroupResolver(JitSettings settings, GroupDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    public GroupDecision resolve(List<String> groupValues) {
        Set<GroupRef> wanted = new LinkedHashSet<>();
        List<RefusedGroup> refused = new ArrayList<>();
        for (String value : ValueCleaner.distinctValues(groupValues, MAX_GROUP_VALUES)) {
            List<GroupRef> found = directory.find(settings.groupForValue(value).orElse(value));
            if (found.isEmpty()) {
                refused.add(new RefusedGroup(value, Reason.UNKNOWN));
            } else if (found.size() > 1) {
                refused.add(new RefusedGroup(value, Reason.AMBIGUOUS));
            } else if (directory.isProtected(found.get(0))) {
                refused.add(new RefusedGroup(value, Reason.PROTECTED));
            } else if (!allowlist().admits(found.get(0))) {
                refused.add(new RefusedGroup(value, Reason.NOT_ASSIGNABLE));
            } else {
                wanted.add(found.get(0));
            }
        }
        return new GroupDecision(wanted, refused);
    }

    /** Assignable groups as the realm resolves them, looked up once. */
    public GroupAllowlist allowlist() {
        if (allowlist == null) {
            allowlist = GroupAllowlist.resolve(settings.get(ASSIGNABLE_GROUPS), directory);
        }
        return allowlist;
    }
}
