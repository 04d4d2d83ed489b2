package io.jitprovisioning.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.groups.RefusedGroup.Reason;

/** The group rules alone, with a realm's groups in memory. */
class GroupResolverTest {

    final InMemoryGroupDirectory realm = new InMemoryGroupDirectory();

    {
        for (String path : List.of("/engineering", "/engineering/backend", "/sales", "/ops", "/ops/oncall", "/eu/support", "/us/support")) {
            realm.addPath(path);
        }
        realm.protect(realm.find("/ops").get(0));
    }

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
    @DisplayName("an allowlist none of whose entries names a group is unusable (every sign-in is refused) and admits nothing")
    void allowlistOfNothing() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/gone", "nobody")).build();
        GroupResolver resolver = new GroupResolver(settings, realm);

        assertThat(resolver.allowlist().unusable()).hasValueSatisfying(unusable -> {
            assertThat(unusable.key()).isEqualTo("assignable.groups");
            assertThat(unusable.code().name()).isEqualTo("UNKNOWN_ASSIGNABLE_GROUP");
        });
        assertThat(resolver.resolve(List.of("/sales")).wanted()).isEmpty();
    }

    @Test
    @DisplayName("an allowlist entry naming no group, beside one that does, is left out and reported: the rest still works")
    void allowlistWithAStaleEntry() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/gone", "/engineering")).build();
        GroupResolver resolver = new GroupResolver(settings, realm);

        assertThat(resolver.allowlist().unusable()).isEmpty();
        assertThat(resolver.allowlist().ignoredEntries()).singleElement().asString().contains("'/gone' names no group");
        assertThat(paths(resolver.resolve(List.of("/engineering/backend")))).containsExactly("/engineering/backend");
    }

    @Test
    @DisplayName("an empty allowlist is no allowlist: usable, and any group that is not protected may be joined")
    void noAllowlist() {
        GroupResolver resolver = new GroupResolver(JitSettings.builder().build(), realm);

        assertThat(resolver.allowlist().unusable()).isEmpty();
        assertThat(paths(resolver.resolve(List.of("/sales")))).containsExactly("/sales");
    }

    @Test
    @DisplayName("a group is inside another by the ids of its parents, never because its path starts with the other's")
    void withinByIds() {
        GroupRef engineering = new GroupRef("e", "/engineering", List.of());
        GroupRef slashNamed = new GroupRef("s", "/engineering/ops", List.of());
        GroupRef subgroup = new GroupRef("o", "/engineering/ops", List.of("e"));
        GroupRef deeper = new GroupRef("d", "/engineering/ops/night", List.of("o", "e"));

        assertThat(slashNamed.isWithin(engineering)).isFalse();
        assertThat(subgroup.isWithin(engineering)).isTrue();
        assertThat(deeper.isWithin(engineering)).isTrue();
        assertThat(engineering.isWithin(engineering)).isTrue();
        assertThat(engineering.isWithin(subgroup)).isFalse();
    }

    @Nested
    @DisplayName("given assignable groups /engineering, and group names holding '/', '.' or look-alike characters")
    class NamesThatLookInside {

        final JitSettings settings = JitSettings.builder().set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/engineering")).build();

        @Test
        @DisplayName("a top-level group named 'engineering/platform' is not inside /engineering, by name or by path")
        void slashNamedTopGroupIsRefused() {
            realm.add(null, "engineering/platform");

            GroupDecision decision = resolve(settings, "engineering/platform", "/engineering/platform");

            assertThat(decision.wanted()).isEmpty();
            assertThat(decision.refused()).containsExactly(new RefusedGroup("engineering/platform", Reason.NOT_ASSIGNABLE),
                    new RefusedGroup("/engineering/platform", Reason.NOT_ASSIGNABLE));
        }

        @Test
        @DisplayName("the real subgroup /engineering/platform is inside, and joined")
        void realSubgroupIsJoined() {
            realm.addPath("/engineering/platform");

            GroupDecision decision = resolve(settings, "/engineering/platform");

            assertThat(paths(decision)).containsExactly("/engineering/platform");
            assertThat(decision.refused()).isEmpty();
        }

        @Test
        @DisplayName("with both, the path /engineering/platform names two groups and is refused as ambiguous, never picked")
        void bothMakeThePathAmbiguous() {
            GroupRef subgroup = realm.addPath("/engineering/platform");
            realm.add(null, "engineering/platform");

            GroupDecision decision = resolve(settings, "/engineering/platform", "engineering/platform", "platform");

            assertThat(decision.wanted()).containsExactly(subgroup);
            assertThat(decision.refused()).containsExactly(new RefusedGroup("/engineering/platform", Reason.AMBIGUOUS),
                    new RefusedGroup("engineering/platform", Reason.NOT_ASSIGNABLE));
        }

        @Test
        @DisplayName("an allowlist entry that names two groups is left out, so neither is admitted through it")
        void ambiguousAllowlistEntry() {
            realm.addPath("/engineering/platform");
            realm.add(null, "engineering/platform");
            JitSettings ops = JitSettings.builder().set(JitConfigProperties.ASSIGNABLE_GROUPS, List.of("/engineering/platform", "/sales")).build();
            GroupResolver resolver = new GroupResolver(ops, realm);

            GroupDecision decision = resolver.resolve(List.of("platform", "engineering/platform", "sales"));

            assertThat(paths(decision)).containsExactly("/sales");
            assertThat(decision.refused()).containsExactly(new RefusedGroup("platform", Reason.NOT_ASSIGNABLE),
                    new RefusedGroup("engineering/platform", Reason.NOT_ASSIGNABLE));
            assertThat(resolver.allowlist().ignoredEntries()).singleElement().asString()
                    .contains("'/engineering/platform' could name more than one group");
        }

        @Test
        @DisplayName("top-level look-alikes of /engineering and their subgroups are refused, whatever their names")
        void lookAlikesAreRefused() {
            List<String> values = new ArrayList<>();
            for (String name : List.of("engineering.ops", "engineering\uFF0Fops", "engineering\u2215ops", "\u0435ngineering",
                    "engineer\u0131ng", "engineering/")) {
                GroupRef top = realm.add(null, name);
                realm.add(top, "backend-" + values.size());
                values.add(name);
                values.add(top.path() + "/backend-" + (values.size() - 1));
            }

            GroupDecision decision = resolve(settings, values.toArray(String[]::new));

            assertThat(decision.wanted()).isEmpty();
            assertThat(decision.refused()).hasSize(values.size())
                    .allSatisfy(refused -> assertThat(refused.reason()).as(refused.value()).isEqualTo(Reason.NOT_ASSIGNABLE));
        }
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
