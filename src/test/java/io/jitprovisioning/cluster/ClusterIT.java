package io.jitprovisioning.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.core.type.TypeReference;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.cluster.LoadBalancer.Routing;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * Two Keycloak nodes in production mode sharing one PostgreSQL, behind one load balancer on 127.0.0.1:8500 that
 * every URL Keycloak writes points at. Run by cluster/run, which starts the database (mvn -Pcluster verify).
 */
@DisplayName("Two Keycloak nodes sharing one PostgreSQL, behind one load balancer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final int STREAM_USERS = 48;
    static final int CONCURRENCY = 4;
    static final int KILL_AFTER_COMPLETED = 12;

    LoadBalancer balancer;
    ClusterNode nodeA;
    ClusterNode nodeB;

    @BeforeAll
    void startCluster() {
        ClusterNode.Database db = new ClusterNode.Database(required("kc.cluster.db.url"), required("kc.cluster.db.username"),
                required("kc.cluster.db.password"));
        balancer = new LoadBalancer(8500, URI.create("http://127.0.0.1:8510/"), URI.create("http://127.0.0.1:8520/"));
        nodeA = new ClusterNode("node A", Path.of(required("kc.cluster.home.a")), 8510, 9510, 7800, balancer.baseUrl(), db);
        nodeB = new ClusterNode("node B", Path.of(required("kc.cluster.home.b")), 8520, 9520, 7801, balancer.baseUrl(), db);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopCluster, "stop-cluster"));
        Path jar = Path.of(required("kc.cluster.provider.jar"));
        Instant start = Instant.now();
        nodeA.build(jar);
        nodeB.build(jar);
        Instant built = Instant.now();
        nodeA.start(); // first: it creates the schema and the master realm
        nodeB.start();
        nodeA.awaitClusterView(2, Duration.ofMinutes(3));
        nodeB.awaitClusterView(2, Duration.ofMinutes(3));
        System.out.printf("[cluster] built in %d s, both nodes ready in one cluster view in %d s%n",
                Duration.between(start, built).toSeconds(), Duration.between(built, Instant.now()).toSeconds());
    }

    @AfterAll
    void stopCluster() {
        if (balancer != null) {
            System.out.println("[cluster] load balancer: " + balancer.stats());
            balancer.close();
            balancer = null;
        }
        if (nodeA != null) {
            nodeA.stop();
        }
        if (nodeB != null) {
            nodeB.stop();
        }
    }

    @Test
    @Order(1)
    @DisplayName("a role changed in the IdP, or created in the realm, through node A is right at the next sign-in through node B")
    void roleChangeSeenAcrossNodes() {
        balancer.route(Routing.ALL_TO_A);
        SamlBrokerFixture fixture = fixture("cluster-sync");
        List<String> people = List.of("ann", "ben", "cat");
        people.forEach(name -> fixture.idpUser(name, IdpPerson.named(name, "Clustered").email(name + "@example.org")
                .roles("developer")));
        people.forEach(name -> assertLoggedIn(fixture.login(name), name + " through A"));

        // Node B serves accounts made through node A, and now holds them (and the IdP users) in its caches.
        balancer.route(Routing.ALL_TO_B);
        people.forEach(name -> assertLoggedIn(fixture.login(name), name + " through B"));
        assertRoleAndProvenance(fixture, "ann", "developer");

        balancer.route(Routing.ALL_TO_A);
        fixture.idpUser("ann", IdpPerson.named("ann", "Clustered").email("ann@example.org").roles("tester"));

        balancer.route(Routing.ALL_TO_B);
        assertLoggedIn(fixture.login("ann"), "ann through B after the change");
        assertRoleAndProvenance(fixture, "ann", "tester");

        // What node B wrote is what node A reads (its cached copy was invalidated), and the others are untouched.
        balancer.route(Routing.ALL_TO_A);
        assertRoleAndProvenance(fixture, "ann", "tester");
        assertRoleAndProvenance(fixture, "ben", "developer");
        assertRoleAndProvenance(fixture, "cat", "developer");

        // A role created through node A after node B indexed the realm's role names: B drops its index on A's
        // invalidation message, the one that updates Keycloak's own realm cache there, and grants the role at once.
        fixture.createRealmRole("auditor");
        fixture.idpUser("cat", IdpPerson.named("cat", "Clustered").email("cat@example.org").roles("auditor"));
        balancer.route(Routing.ALL_TO_B);
        assertLoggedIn(fixture.login("cat"), "cat through B after a role was created through A");
        assertRoleAndProvenance(fixture, "cat", "auditor");
    }

    @Test
    @Order(2)
    @DisplayName("node A killed (SIGKILL) during a stream of first sign-ins: node B keeps serving, no account is lost or doubled")
    void nodeKilledDuringFirstLogins() throws Exception {
        balancer.route(Routing.ROUND_ROBIN);
        SamlBrokerFixture fixture = fixture("cluster-failover");
        List<String> people = IntStream.range(0, STREAM_USERS).mapToObj(i -> String.format("user%02d", i)).toList();
        people.forEach(name -> fixture.idpUser(name, IdpPerson.named(name, "Clustered").email(name + "@example.org")
                .roles(roleOf(name))));

        Map<String, Attempt> first = new ConcurrentHashMap<>();
        CountDownLatch killPoint = new CountDownLatch(KILL_AFTER_COMPLETED);
        ExecutorService browsers = Executors.newFixedThreadPool(CONCURRENCY);
        people.forEach(name -> browsers.submit(() -> {
            first.put(name, Attempt.of(fixture, name));
            killPoint.countDown();
        }));
        killPoint.await(10, TimeUnit.MINUTES);
        int completedBeforeKill = first.size();
        // The harshest moment: the account was created by the request before, and this one links it to the IdP.
        AtomicReference<Instant> killedAt = new AtomicReference<>();
        CompletableFuture<String> cut = balancer.whileNodeAHandles("/broker/after-first-broker-login", () -> {
            nodeA.kill();
            killedAt.set(Instant.now());
        });
        String cutRequest = cut.get(5, TimeUnit.MINUTES);
        browsers.shutdown();
        assertThat(browsers.awaitTermination(20, TimeUnit.MINUTES)).as("the stream of sign-ins ended").isTrue();
        Instant streamEnded = Instant.now();
        ClusterNode.View alone = nodeB.awaitClusterView(1, Duration.ofMinutes(2));

        List<String> failed = people.stream().filter(name -> !first.get(name).loggedIn()).toList();
        long startedAfterKill = first.values().stream().filter(attempt -> attempt.started().isAfter(killedAt.get())).count();
        long succeededAfterKill = first.values().stream()
                .filter(attempt -> attempt.started().isAfter(killedAt.get()) && attempt.loggedIn()).count();
        balancer.route(Routing.ALL_TO_B);
        Map<String, String> leftBehind = new ConcurrentHashMap<>();
        failed.forEach(name -> leftBehind.put(name, accountState(fixture, name)));
        Map<String, Attempt> retried = new ConcurrentHashMap<>();
        failed.forEach(name -> retried.put(name, Attempt.of(fixture, name)));

        System.out.printf("[cluster] %d first sign-ins, concurrency %d; node A killed (SIGKILL) after %d had completed, "
                + "while it handled %s; the stream ended %d s later%n", STREAM_USERS, CONCURRENCY, completedBeforeKill, cutRequest,
                Duration.between(killedAt.get(), streamEnded).toSeconds());
        System.out.printf("[cluster] node B's cluster view dropped to 1 member %d ms after the kill%n",
                Duration.between(killedAt.get(), alone.received()).toMillis());
        System.out.printf("[cluster] succeeded at first try: %d; failed: %d %s; started after the kill: %d, of which succeeded: %d%n",
                STREAM_USERS - failed.size(), failed.size(), failed, startedAfterKill, succeededAfterKill);
        failed.forEach(name -> System.out.printf("[cluster]   %s first try: %s; left behind: %s; retry through B: %s%n",
                name, first.get(name).outcome(), leftBehind.get(name), retried.get(name).outcome()));
        System.out.println("[cluster] load balancer: " + balancer.stats());

        assertThat(nodeA.isRunning()).as("node A is dead").isFalse();
        assertThat(startedAfterKill).as("sign-ins started after the kill").isPositive();
        assertThat(succeededAfterKill).as("node B kept serving: sign-ins started after the kill that succeeded").isPositive();
        assertThat(retried.values()).as("every retried sign-in succeeds through node B").allMatch(Attempt::loggedIn);

        AdminApi admin = fixture.admin();
        String realm = fixture.brokerRealm();
        int total = Integer.parseInt(admin.get("/" + realm + "/users/count").expect(200).body().trim());
        System.out.printf("[cluster] accounts in realm %s: %d (expected %d)%n", realm, total, STREAM_USERS);
        assertThat(total).as("accounts in the realm").isEqualTo(STREAM_USERS);
        for (String name : people) {
            List<UserRepresentation> accounts = admin.get("/" + realm + "/users?exact=true&username=" + name,
                    new TypeReference<List<UserRepresentation>>() {
                    });
            assertThat(accounts).as("accounts named %s", name).hasSize(1);
            String id = accounts.get(0).getId();
            assertThat(fixture.federatedIdentities(id)).as("links of %s", name).hasSize(1);
            assertThat(fixture.realmRolesOf(id)).as("roles of %s", name).containsExactly(roleOf(name));
        }
    }

    /** One sign-in through the load balancer: whether it reached the application, and what stopped it if not. */
    record Attempt(boolean loggedIn, Instant started, String outcome) {

        static Attempt of(SamlBrokerFixture fixture, String username) {
            Instant started = Instant.now();
            try {
                LoginResult login = fixture.login(username);
                return new Attempt(login.isLoggedIn(), started, login.isLoggedIn() ? "signed in" : describe(login));
            } catch (RuntimeException e) {
                return new Attempt(false, started, e.toString());
            }
        }

        private static String describe(LoginResult login) {
            var last = login.last();
            String text = login.lastText();
            return last.method() + " " + last.uri().getPath() + " -> " + last.status()
                    + (login.jitErrorCode() == null ? "" : " " + login.jitErrorCode())
                    + ": " + (text.length() > 160 ? text.substring(0, 160) : text);
        }
    }

    private SamlBrokerFixture fixture(String name) {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.JIT_ENABLED, true).set(JitConfigProperties.DEFAULT_ROLE, "support").set(JitConfigProperties.IDP_MANAGED_ROLES, true)
                .map("role", AttributeTarget.USER_ROLE)
                .map("firstName", AttributeTarget.USER_FIRST_NAME)
                .map("lastName", AttributeTarget.USER_LAST_NAME)
                .map("email", AttributeTarget.USER_EMAIL)
                .build();
        SamlBrokerFixture fixture = SamlBrokerFixture.create(new AdminApi(balancer.baseUrl()), name, settings.toConfig());
        List.of("support", "developer", "tester").forEach(fixture::createRealmRole);
        return fixture;
    }

    /** What a failed first sign-in left: no account, an account not yet linked to the IdP, or a linked one. */
    private static String accountState(SamlBrokerFixture fixture, String name) {
        UserRepresentation user = fixture.brokerUser(name);
        if (user == null) {
            return "no account";
        }
        return "an account with " + fixture.federatedIdentities(user.getId()).size() + " link(s) and roles "
                + fixture.realmRolesOf(user.getId());
    }

    private static String roleOf(String name) {
        return Math.floorMod(name.hashCode(), 2) == 0 ? "developer" : "tester";
    }

    private static void assertLoggedIn(LoginResult login, String who) {
        assertThat(login.isLoggedIn()).as("%s: %s", who, login).isTrue();
    }

    /** The role holds, and the provenance names exactly that role as the IdP's, as seen through the current node. */
    private static void assertRoleAndProvenance(SamlBrokerFixture fixture, String name, String role) {
        UserRepresentation user = fixture.brokerUser(name);
        assertThat(fixture.realmRolesOf(user.getId())).as("roles of %s", name).containsExactly(role);
        assertThat(fixture.grantedRoles(user.getId())).as("provenance of %s", name)
                .isEqualTo(Map.of(SamlBrokerFixture.IDP_ALIAS, List.of(role)));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run cluster/run (mvn -Pcluster verify)");
        }
        return value;
    }
}
