package io.jitprovisioning.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.keycloak.util.JsonSerialization;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Keycloak's admin REST API over plain HTTP, with the master realm's bootstrap admin. Bodies are Keycloak's own
 * representation classes or maps, written with Keycloak's JSON settings.
 */
public final class AdminApi {

    private final String baseUrl;
    private final String username;
    private final String password;
    private final String tokenRealm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String token;
    private Instant tokenTime = Instant.EPOCH;

    public AdminApi(String baseUrl) {
        this(baseUrl, KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD);
    }

    public AdminApi(String baseUrl, String username, String password) {
        this(baseUrl, "master", username, password);
    }

    private AdminApi(String baseUrl, String tokenRealm, String username, String password) {
        this.baseUrl = baseUrl;
        this.tokenRealm = tokenRealm;
        this.username = username;
        this.password = password;
    }

    /**
     * An API client with the token of a user of another realm than master (its {@code admin-cli} client, password
     * grant), as a SaaS app calls the admin routes with its signed-in user's token.
     */
    public AdminApi asRealmUser(String realm, String otherUsername, String otherPassword) {
        return new AdminApi(baseUrl, realm, otherUsername, otherPassword);
    }

    /** An API client acting as another user of the master realm (for permission tests). */
    public AdminApi as(String otherUsername, String otherPassword) {
        return new AdminApi(baseUrl, otherUsername, otherPassword);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public record Reply(int status, String body, String location) {
        public <T> T as(Class<T> type) {
            return read(body, type);
        }

        public <T> T as(TypeReference<T> type) {
            try {
                return JsonSerialization.readValue(body, type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public JsonNode json() {
            return read(body, JsonNode.class);
        }

        /** The id at the end of a 201's Location header. */
        public String createdId() {
            if (status != 201 || location == null) {
                throw new IllegalStateException("Not created: " + status + " " + body);
            }
            return location.substring(location.lastIndexOf('/') + 1);
        }

        public Reply expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("Expected " + expected + " but got " + status + ": " + body);
            }
            return this;
        }
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** {@code GET /admin/serverinfo}: the providers Keycloak loaded, with their operational info. */
    public JsonNode serverInfo() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/admin/serverinfo"))
                .header("Authorization", "Bearer " + token()).GET().build();
        HttpResponse<String> response = exchange(request);
        return new Reply(response.statusCode(), response.body(), null).expect(200).json();
    }

    public <T> T get(String path, Class<T> type) {
        return get(path).expect(200).as(type);
    }

    public <T> T get(String path, TypeReference<T> type) {
        return get(path).expect(200).as(type);
    }

    public Reply post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(body)));
    }

    public Reply postRaw(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /** DELETE with a JSON body, as Keycloak's role-mapping removal takes it. */
    public Reply deleteWithBody(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").method("DELETE", json(body)));
    }

    public synchronized String token() {
        if (token == null || Duration.between(tokenTime, Instant.now()).toSeconds() > 40) {
            String form = "grant_type=password&client_id=admin-cli&username=" + encode(username) + "&password=" + encode(password);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + tokenRealm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpResponse<String> response = exchange(request);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Admin login failed: " + response.statusCode() + " " + response.body());
            }
            token = read(response.body(), JsonNode.class).get("access_token").asText();
            tokenTime = Instant.now();
        }
        return token;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token());
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpResponse<String> response = exchange(builder.build());
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JsonSerialization.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String body, Class<T> type) {
        try {
            return JsonSerialization.readValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
