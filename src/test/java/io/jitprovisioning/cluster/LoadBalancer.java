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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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

    String stats() {
        return "forwarded to A " + forwarded[0] + ", to B " + forwarded[1] + ", failovers " + failovers + ", 502s " + badGateways;
    }

    long badGateways() {
        return badGateways.get();
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
            int node = pick();
            HttpResponse<byte[]> response;
            try {
                response = forward(exchange, body, node);
            } catch (ConnectException | HttpConnectTimeoutException notConnected) {
                failovers.incrementAndGet();
                try {
                    response = forward(exchange, body, 1 - node);
                } catch (IOException bothDown) {
                    badGateway(exchange, bothDown);
                    return;
                }
            } catch (IOException sentThenFailed) {
                badGateway(exchange, sentThenFailed);
                return;
            }
            for (String name : RESPONSE_HEADERS) {
                response.headers().allValues(name).forEach(value -> exchange.getResponseHeaders().add(name, value));
            }
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body, int node) throws IOException {
        URI target = nodes[node].resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        String method = exchange.getRequestMethod();
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(90))
                .method(method, body.length == 0 && ("GET".equals(method) || "DELETE".equals(method) || "HEAD".equals(method))
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : REQUEST_HEADERS) {
            exchange.getRequestHeaders().getOrDefault(name, List.of()).forEach(value -> request.header(name, value));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            forwarded[node].incrementAndGet();
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
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
