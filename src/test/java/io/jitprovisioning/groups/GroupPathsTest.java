package io.jitprovisioning.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.keycloak.models.GroupModel;
import org.keycloak.models.GroupProvider;
import org.keycloak.models.GroupProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;

/**
 * Paths against a realm's group tree, held in memory behind Keycloak's own lookups ({@code getGroupByName} by parent
 * and exact name), which is all {@link GroupPaths} asks of Keycloak.
 */
class GroupPathsTest {

    final RealmModel realm = mock(RealmModel.class);
    final List<GroupModel> groups = new ArrayList<>();
    final AtomicInteger lookups = new AtomicInteger();
    boolean escapeSlashes;

    GroupModel group(GroupModel parent, String name) {
        GroupModel group = mock(GroupModel.class);
        String id = "g" + groups.size();
        when(group.getId()).thenReturn(id);
        when(group.getName()).thenReturn(name);
        when(group.getParent()).thenReturn(parent);
        groups.add(group);
        return group;
    }

    GroupPaths paths() {
        GroupProvider provider = mock(GroupProvider.class);
        when(provider.getGroupByName(eq(realm), any(), anyString())).thenAnswer(call -> {
            lookups.incrementAndGet();
            GroupModel parent = call.getArgument(1);
            String name = call.getArgument(2);
            return groups.stream().filter(g -> Objects.equals(g.getParent(), parent) && g.getName().equals(name)).findFirst().orElse(null);
        });
        when(provider.searchForGroupByNameStream(eq(realm), eq("/"), eq(false), anyInt(), anyInt()))
                .thenAnswer(call -> groups.stream().filter(g -> g.getName().contains("/")));
        GroupProviderFactory factory = mock(GroupProviderFactory.class);
        when(factory.escapeSlashesInGroupPath()).thenReturn(escapeSlashes);
        KeycloakSessionFactory sessionFactory = mock(KeycloakSessionFactory.class);
        when(sessionFactory.getProviderFactory(GroupProvider.class)).thenAnswer(call -> factory);
        KeycloakSession session = mock(KeycloakSession.class);
        when(session.groups()).thenReturn(provider);
        when(session.getKeycloakSessionFactory()).thenReturn(sessionFactory);
        return new GroupPaths(session, realm);
    }

    @Test
    @DisplayName("a path that the subgroup chain and a slash-named top-level group both have names both")
    void bothReadingsAreFound() {
        GroupModel engineering = group(null, "engineering");
        GroupModel subgroup = group(engineering, "ops");
        GroupModel slashNamed = group(null, "engineering/ops");

        assertThat(paths().find("/engineering/ops", 2)).containsExactlyInAnyOrder(subgroup, slashNamed);
    }

    @Test
    @DisplayName("a slash-named group is found beside a top-level group of its first segment (which Keycloak's own lookup misses)")
    void slashNamedBesideItsFirstSegment() {
        group(null, "engineering");
        GroupModel slashNamed = group(null, "engineering/ops");

        assertThat(paths().find("/engineering/ops", 2)).containsExactly(slashNamed);
    }

    @Test
    @DisplayName("deeper: /a/b/c is read as a > b > c, as a/b > c and as a > b/c")
    void everyReadingAtEveryDepth() {
        GroupModel a = group(null, "a");
        GroupModel c1 = group(group(a, "b"), "c");
        GroupModel c2 = group(group(null, "a/b"), "c");
        GroupModel bc = group(a, "b/c");

        assertThat(paths().find("/a/b/c", 5)).containsExactlyInAnyOrder(c1, c2, bc);
        assertThat(paths().find("/a/b/c", 2)).as("stops at the second").hasSize(2);
    }

    @Test
    @DisplayName("without a slash in any group's name, a path costs one lookup per segment, as in Keycloak")
    void oneLookupPerSegmentWithoutSlashNames() {
        GroupModel night = group(group(group(null, "engineering"), "ops"), "night");

        assertThat(paths().find("/engineering/ops/night", 2)).containsExactly(night);
        assertThat(lookups.get()).isEqualTo(3);
    }

    @Test
    @DisplayName("with slashes escaped (Keycloak's escapeSlashesInGroupPath), '~/' is part of a name and a path names one group")
    void escapedSlashes() {
        escapeSlashes = true;
        GroupModel engineering = group(null, "engineering");
        GroupModel subgroup = group(engineering, "ops");
        GroupModel slashNamed = group(null, "engineering/ops");

        assertThat(paths().find("/engineering/ops", 2)).containsExactly(subgroup);
        assertThat(paths().find("/engineering~/ops", 2)).containsExactly(slashNamed);
    }

    @Test
    @DisplayName("a name answered ignoring case (as some databases do) is not the name asked for")
    void onlyTheExactName() {
        group(null, "Engineering");
        GroupPaths paths = paths();

        assertThat(paths.find("/engineering", 2)).isEmpty();
    }

    @Test
    @DisplayName("a path of hundreds of segments in a realm with slash names names nothing, within a bounded number of lookups")
    void boundedCost() {
        GroupModel parent = null;
        for (int i = 0; i < 5; i++) {
            parent = group(parent, "a");
        }
        group(null, "a/a");

        List<GroupModel> found = paths().find("/a".repeat(300), 2);

        assertThat(found).isEmpty();
        assertThat(lookups.get()).isLessThanOrEqualTo(GroupPaths.MAX_LOOKUPS + 1);
    }

    @Test
    @DisplayName("nothing, a slash alone and unknown paths name no group")
    void nothingFound() {
        group(null, "engineering");

        assertThat(paths().find("/", 2)).isEmpty();
        assertThat(paths().find("/sales", 2)).isEmpty();
        assertThat(paths().find("/engineering/ops", 2)).isEmpty();
    }
}
