package io.jitprovisioning.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.groups.RefusedGroup.Reason;

/** The group rules alone, with a realm's groups in memory. */
class GroupResolverTest {

    /** Groups by path; a name is looked up ignoring case at any depth, as the real directory does. */
    static final class InMemoryGroups implements GroupDirectory {
        final Map<String, GroupRef> byPath = new LinkedHashMap<>();
        final Set<String> protectedPaths;

        InMemoryGroups(Set<String> protectedPaths, String... paths) {
            this.protectedPaths = protectedPaths;
            for (String path : paths) {
                byPath.put(path, new GroupRef("id" + path, path));
            }
        }

        @Override
        public List<GroupRef> find(String pathOrName) {
            if (pathOrName.startsWith("/")) {
                return Optional.ofNullable(byPath.get(pathOrName)).stream().toList();
            }
            List<GroupRef> found = new ArrayList<>();
            byPath.values().forEach(group -> {
                String name = group.path().substring(group.path().lastIndexOf('/') + 1);
                if (name.toLowerCase(Locale.ROOT).equals(pathOrName.toLowerCase(Locale.ROOT))) {
                    found.add(group);
                }
            });
            return found;
        }

        @Override
        public Optional<GroupRef> byId(String id) {
            return byPath.values().stream().filter(group -> group.id().equals(id)).findFirst();
        }

        @Override
        public boolean isProtected(GroupRef group) {
            return protectedPaths.stream().anyMatch(path -> group.isWithin(new GroupRef("", path)));
        }
    }

    final InMemoryGroups realm = new InMemoryGroups(Set.of("/ops"), "/engineering", "/engineering/backend", "/sales",
            "/ops", "/ops/oncall", "/eu/support", "/us/support");

    GroupDecision resolve(JitSettings settings, String... values) {
        return new GroupResolver(settings, realm).resolve(List.of(values));
    }

    static List<String> paths(GroupDecision decision) {
        return decision.wanted().stream().map(GroupRef::path).sorted().toList();
    }

    @Test
    @DisplayName("values name groups by path, by name ignoring case, or through the table")
    void pathNameAndTable() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.GROUP_VALUES, Map.of("Backend  Team", "/engineering/backend"))
                .build();

        GroupDecision decision = resolve(settings, "/engineering", "SALES", "backend team");

        assertThat(paths(decision)).containsExactly("/engineering", "/engineering/backend", "/sales");
        assertThat(decision.refused()).isEmpty();
    }

    @Test
    @DisplayName("unknown, ambiguous and protected values are refused with their reason; a protected group's subgroups too")
    void refusals() {
        GroupDecision decision = resolve(JitSettings.builder().build(), "nothing", "support", "/ops", "oncall");

        assertThat(decision.wanted()).isEmpty();
        assertThat(decision.refused()).containsExactly(new RefusedGroup("nothing", Reason.UNKNOWN),
                new RefusedGroup("support", Reason.AMBIGUOUS), new RefusedGroup("/ops", Reason.PROTECTED),
                new RefusedGroup("oncall", Reason.PROTECTED));
    }

    @Test
    @DisplayName("an allowlist admits its groups and their subgroups only")
    void allowlist() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/engineering")).build();

        GroupDecision decision = resolve(settings, "/engineering/backend", "/engineering", "/sales");

        assertThat(paths(decision)).containsExactly("/engineering", "/engineering/backend");
        assertThat(decision.refused()).containsExactly(new RefusedGroup("/sales", Reason.NOT_ASSIGNABLE));
    }

    @Test
    @DisplayName("an allowlist none of whose entries exist allows nothing")
    void allowlistOfNothing() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/gone")).build();

        assertThat(resolve(settings, "/sales").wanted()).isEmpty();
    }

    @Test
    @DisplayName("at most 100 distinct values are considered")
    void boundedValues() {
        List<String> values = new ArrayList<>(IntStream.range(0, 150).mapToObj(i -> "x" + i).toList());
        values.add("/sales");

        GroupDecision decision = new GroupResolver(JitSettings.builder().build(), realm).resolve(values);

        assertThat(decision.wanted()).isEmpty();
        assertThat(decision.refused()).hasSize(GroupResolver.MAX_GROUP_VALUES);
    }
}
