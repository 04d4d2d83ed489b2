package io.jitprovisioning.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.jitprovisioning.cluster.RawHttp.Answer;
import io.jitprovisioning.testsupport.Pause;

/**
 * The one address clients and Keycloak itself use, in front of two nodes, like the load balancer of a real cluster.
 * It forwards method, path, query, body and the headers Keycloak's pages and APIs need, returns status, Location,
 * every Set-Cookie, Content-Type and body, and never follows a redirect. A request that could not be connected goes
 * to the other node; a request that was sent and then failed is not retried (502), since it may have done its work.
 */
final class LoadBalancer implements AutoCloseable {

    enum Routing { ALL_TO_A, ALL_TO_B, ROUND_ROBIN }

    private static final List<String> REQUEST_HEADERS = List.of("Cookie", "Content-Type", "Accept", "Accept-Language", "Authorization");
    private static final List<String> RESPONSE_HEADERS = List.of("Location", "Set-Cookie", "Content-Type");

    /** How long a tripwire lets the node work on the request before its action runs. */
    private static final Duration TRIPWIRE_DELAY = Duration.ofMillis(15);

    /** An action to run while a node is handling a chosen request; {@code fired} tells which request it was. */
    private record Tripwire(int node, String pathFragment, Runnable action, CompletableFuture<String> fired) {
    }

    private final URI[] nodes;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(32);
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicLong[] forwarded = {new AtomicLong(), new AtomicLong()};
    private final AtomicLong failovers = new AtomicLong();
    private final AtomicLong badGateways = new AtomicLong();
    private final AtomicReference<Tripwire> tripwire = new AtomicReference<>();
    private volatile Routing routing = Routing.ALL_TO_A;

    LoadBalancer(int port, URI nodeA, URI nodeB) {
        this.nodes = new URI[] {nodeA, nodeB};
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("Port " + port + " is taken", e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void route(Routing routing) {
        this.routing = routing;
    }

    /**
     * Sends the next request whose path contains {@code pathFragment} to node A, whatever the routing, and runs
     * {@code action} (e.g. killing node A) shortly after the request has reached it; the request then ends as the
     * node's fate decides. Completes with that request and whether it was answered or cut.
     */
    CompletableFuture<String> whileNodeAHandles(String pathFragment, Runnable action) {
        Tripwire armed = new Tripwire(0, pathFragment, action, new CompletableFuture<>());
        tripwire.set(armed);
        return armed.fired();
    }

    String stats() {
        return "forwarded to A " + forwarded[0] + ", to B " + forwarded[1] + ", failovers " + failovers + ", 502s " + badGateways;
    }

    private int pick() {
        return switch (routing) {
            case ALL_TO_A -> 0;
            case ALL_TO_B -> 1;
            case ROUND_ROBIN -> Math.floorMod(turn.getAndIncrement(), 2);
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Tripwire armed = claimTripwire(exchange.getRequestURI().getPath());
            int node = armed != null ? armed.node() : pick();
            Answer answer;
            try {
                answer = forward(exchange, body, node, armed);
            } catch (ConnectException | HttpConnectTimeoutException notConnected) {
                failovers.incrementAndGet();
                try {
                    answer = forward(exchange, body, 1 - node, null);
                } catch (IOException bothDown) {
                    badGateway(exchange, bothDown);
                    return;
                }
            } catch (IOException sentThenFailed) {
                badGateway(exchange, sentThenFailed);
                return;
            }
            for (String name : RESPONSE_HEADERS) {
                answer.headers().getOrDefault(name, List.of()).forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
        }
    }

    /** The armed tripwire if this request is the one it waits for (the request then goes to the tripwire's node). */
    private Tripwire claimTripwire(String path) {
        Tripwire armed = tripwire.get();
        return armed != null && path.contains(armed.pathFragment()) && tripwire.compareAndSet(armed, null) ? armed : null;
    }

    private Answer forward(HttpExchange exchange, byte[] body, int node, Tripwire armed) throws IOException {
        URI target = nodes[node].resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        String method = exchange.getRequestMethod();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        REQUEST_HEADERS.forEach(name -> headers.put(name, exchange.getRequestHeaders().getOrDefault(name, List.of())));
        Answer answer = armed != null ? sendAndTrip(target, method, headers, body, armed) : send(target, method, headers, body);
        forwarded[node].incrementAndGet();
        return answer;
    }

    private Answer send(URI target, String method, Map<String, List<String>> headers, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(90))
                .method(method, body.length == 0 && ("GET".equals(method) || "DELETE".equals(method) || "HEAD".equals(method))
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Over a plain socket, so that the action runs once the request is with the node, not while still connecting. */
    private Answer sendAndTrip(URI target, String method, Map<String, List<String>> headers, byte[] body, Tripwire armed)
            throws IOException {
        String request = method + " " + target.getPath();
        long sent = System.nanoTime();
        try {
            Answer answer = RawHttp.exchange(target, method, headers, body, () -> {
                Pause.sleep(TRIPWIRE_DELAY);
                armed.action().run();
            });
            armed.fired().complete(request + ", answered " + (System.nanoTime() - sent) / 1_000_000 + " ms after it was sent");
            return answer;
        } catch (IOException e) {
            armed.fired().complete(request + ", cut: " + e);
            throw e;
        }
    }

    private void badGateway(HttpExchange exchange, IOException cause) throws IOException {
        badGateways.incrementAndGet();
        byte[] message = ("Bad gateway: " + cause).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(502, message.length);
        exchange.getResponseBody().write(message);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
