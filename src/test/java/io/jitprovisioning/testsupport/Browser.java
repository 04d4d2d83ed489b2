package io.jitprovisioning.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A headless client that behaves like a browser for Keycloak's login pages: follows redirects, keeps cookies, and
 * submits the auto-posting SAML forms that a browser's JavaScript would submit.
 */
public final class Browser {

    private static final int MAX_STEPS = 30;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final CookieJar cookies = new CookieJar();
    private final List<Page> history = new ArrayList<>();
    private Predicate<URI> pauseBefore = uri -> false;

    /** One HTTP response the browser received; {@code millis}: from sending the request to the whole response. */
    public record Page(String method, URI uri, int status, String location, String body, double millis) {

        public Document document() {
            return Jsoup.parse(body == null ? "" : body, uri.toString());
        }

        public boolean isRedirect() {
            return status >= 300 && status < 400 && location != null;
        }

        /** A page whose only purpose is to post a SAML message on: a browser submits it without the user. */
        public Element samlAutoPostForm() {
            if (body == null || status != 200) {
                return null;
            }
            for (Element form : document().select("form")) {
                if (!form.select("input[name=SAMLRequest], input[name=SAMLResponse]").isEmpty()) {
                    return form;
                }
            }
            return null;
        }

        public String text() {
            return document().text();
        }
    }

    /**
     * Stops following redirects before a URL that matches, as a browser that is closed there would: the page that
     * points there is the last one, and {@link #follow} goes on from it once the pause is lifted ({@code uri -> false}).
     */
    public void pauseBefore(Predicate<URI> where) {
        this.pauseBefore = where;
    }

    public List<Page> history() {
        return List.copyOf(history);
    }

    public Page get(String url) {
        return follow(exchange("GET", URI.create(url), null));
    }

    public Page submit(Element form, Map<String, String> values) {
        return follow(submitOnce(form, values, UnaryOperator.identity()));
    }

    /** Posts a form once without following what comes back. */
    public Page submitOnce(Element form, Map<String, String> values, UnaryOperator<Map<String, String>> tamper) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        fields.putAll(values);
        fields = tamper.apply(fields);
        String action = form.absUrl("action");
        return exchange("POST", URI.create(action), formBody(fields));
    }

    /** Follows redirects from a page until a page that is not a redirect. */
    public Page follow(Page page) {
        Page current = page;
        for (int step = 0; current.isRedirect() && step < MAX_STEPS; step++) {
            URI next = current.uri().resolve(current.location());
            if (!"http".equals(next.getScheme()) || !"127.0.0.1".equals(next.getHost()) && !"localhost".equals(next.getHost())) {
                return current;
            }
            if (next.getPort() == 1) {
                return current; // the test application's redirect URI: nothing listens there
            }
            if (pauseBefore.test(next)) {
                return current;
            }
            current = exchange("GET", next, null);
        }
        return current;
    }

    public Page exchange(String method, URI uri, String formBody) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        String cookieHeader = cookies.headerFor(uri);
        if (!cookieHeader.isEmpty()) {
            builder.header("Cookie", cookieHeader);
        }
        if ("POST".equals(method)) {
            builder.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(formBody));
        } else {
            builder.GET();
        }
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - start) / 1e6;
            cookies.store(response.headers().allValues("Set-Cookie"));
            Page page = new Page(method, uri, response.statusCode(), response.headers().firstValue("Location").orElse(null), response.body(),
                    millis);
            history.add(page);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> AdminApi.encode(e.getKey()) + "=" + AdminApi.encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }
}
