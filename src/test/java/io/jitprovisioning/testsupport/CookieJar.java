package io.jitprovisioning.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cookies as a browser on localhost keeps them: Keycloak 26 marks its session cookies {@code Secure} even over
 * plain http, and browsers treat localhost as secure, so this jar ignores the Secure flag. Paths matter: the IdP
 * and broker realms share a host and cookie names.
 */
final class CookieJar {

    private record Key(String name, String path) {
    }

    private final Map<Key, String> cookies = new LinkedHashMap<>();

    synchronized void store(List<String> setCookieHeaders) {
        for (String header : setCookieHeaders) {
            String[] parts = header.split(";");
            int equals = parts[0].indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String name = parts[0].substring(0, equals).trim();
            String value = parts[0].substring(equals + 1).trim();
            String path = "/";
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim();
                String lower = attribute.toLowerCase(Locale.ROOT);
                if (lower.startsWith("path=")) {
                    path = attribute.substring(5);
                } else if (lower.equals("max-age=0") || lower.startsWith("expires=thu, 01 jan 1970") || lower.startsWith("expires=thu, 01-jan-1970")) {
                    expired = true;
                }
            }
            Key key = new Key(name, path);
            if (expired) {
                cookies.remove(key);
            } else {
                cookies.put(key, value);
            }
        }
    }

    synchronized String headerFor(URI uri) {
        String requestPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        List<String> matching = new ArrayList<>();
        cookies.forEach((key, value) -> {
            if (requestPath.startsWith(key.path()) || (key.path().endsWith("/") && (requestPath + "/").startsWith(key.path()))) {
                matching.add(key.name() + "=" + value);
            }
        });
        return String.join("; ", matching);
    }
}
