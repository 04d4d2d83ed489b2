package io.jitprovisioning.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The holder of a setup link calling its routes: no token, the secret in the URL is the credential. */
public final class SetupLinkClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String linkUrl;

    /** @param linkUrl the link as created, {@code .../realms/{realm}/jit-provisioning/setup/{secret}} */
    public SetupLinkClient(String linkUrl) {
        this.linkUrl = linkUrl;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(linkUrl + path)).GET());
    }

    public HttpResponse<String> post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(linkUrl + path)).header("Content-Type", "application/json")
                .POST(AdminApi.json(body)));
    }

    public HttpResponse<String> put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(linkUrl + path)).header("Content-Type", "application/json")
                .PUT(AdminApi.json(body)));
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(linkUrl + path)).DELETE());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
