package io.jitprovisioning.testsupport;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.jsoup.nodes.Element;

import io.jitprovisioning.testsupport.Browser.Page;

/**
 * One SP-initiated brokered sign-in, as a person in a browser does it: the application sends them to the broker
 * realm with {@code kc_idp_hint}, the broker posts a SAMLRequest to the IdP realm, they enter their password there,
 * the IdP posts the SAMLResponse back, and the broker finishes (first-broker-login flow or not).
 */
public final class SamlLogin {

    public static final String CLIENT_ID = "test-app";
    public static final String REDIRECT_URI = "http://127.0.0.1:1/callback";

    private final String baseUrl;
    private final String brokerRealm;
    private final String idpRealm;
    private final String idpAlias;

    public SamlLogin(String baseUrl, String brokerRealm, String idpRealm, String idpAlias) {
        this.baseUrl = baseUrl;
        this.brokerRealm = brokerRealm;
        this.idpRealm = idpRealm;
        this.idpAlias = idpAlias;
    }

    /** The public client this sign-in uses; the broker realm must have it ({@code redirectUris} = {@link #REDIRECT_URI}). */
    public static Map<String, Object> testClient() {
        return AdminApi.map("clientId", CLIENT_ID, "publicClient", true, "standardFlowEnabled", true,
                "redirectUris", List.of(REDIRECT_URI));
    }

    /** A sign-in stopped where the browser is about to post the IdP's SAMLResponse to the broker. */
    public record Captured(Browser browser, Element form) {

        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            form.select("input[name]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
            return fields;
        }

        public String samlResponse() {
            return fields().get("SAMLResponse");
        }

        /** Posts the (possibly changed) form to where the IdP addressed it, in the same browser. */
        public LoginResult post(UnaryOperator<Map<String, String>> tamper) {
            browser.follow(browser.submitOnce(form, Map.of(), tamper));
            List<Page> history = browser.history();
            return new LoginResult(history, history.get(history.size() - 1), REDIRECT_URI);
        }
    }

    public Captured captureResponse(String username, String password) {
        Browser browser = new Browser();
        Page page = browser.get(authorizationUrl(""));
        for (int step = 0; step < 10; step++) {
            Element samlForm = page.samlAutoPostForm();
            Element loginForm = page.status() == 200 ? page.document().selectFirst("form#kc-form-login") : null;
            if (samlForm != null && !samlForm.select("input[name=SAMLResponse]").isEmpty()) {
                return new Captured(browser, samlForm);
            } else if (samlForm != null) {
                page = browser.follow(browser.submitOnce(samlForm, Map.of(), UnaryOperator.identity()));
            } else if (loginForm != null) {
                page = browser.submit(loginForm, Map.of("username", username, "password", password));
            } else {
                break;
            }
        }
        throw new IllegalStateException("The IdP issued no SAMLResponse; last page: " + page.status() + " " + page.uri());
    }

    /**
     * Starts a fresh sign-in at the broker (so that it expects a response), then posts {@code fields} to the broker's
     * endpoint for this IdP instead of going to the IdP: a replayed or foreign response.
     */
    public LoginResult postInFreshLogin(Map<String, String> fields) {
        Browser browser = new Browser();
        browser.get(authorizationUrl(""));
        URI endpoint = URI.create(baseUrl + "/realms/" + brokerRealm + "/broker/" + idpAlias + "/endpoint");
        browser.follow(browser.exchange("POST", endpoint, Browser.formBody(fields)));
        List<Page> history = browser.history();
        return new LoginResult(history, history.get(history.size() - 1), REDIRECT_URI);
    }

    /**
     * A first sign-in whose browser stopped where Keycloak was about to finish it ({@code /broker/after-first-broker-login}):
     * the first-broker-login flow has run, Keycloak has not added the link yet. {@link #resume} opens the kept URL later.
     */
    public record Paused(Browser browser, Page last) {

        public boolean reachedTheLink() {
            return last.isRedirect() && last.location().contains("/after-first-broker-login");
        }

        public LoginResult resume() {
            browser.pauseBefore(uri -> false);
            browser.follow(last);
            List<Page> history = browser.history();
            return new LoginResult(history, history.get(history.size() - 1), REDIRECT_URI);
        }
    }

    public Paused loginUntilTheLink(String username, String password) {
        Browser browser = new Browser();
        browser.pauseBefore(uri -> uri.getPath().endsWith("/after-first-broker-login"));
        Page page = drive(browser, username, password, UnaryOperator.identity(), "");
        return new Paused(browser, page);
    }

    public LoginResult login(String username, String password) {
        return login(username, password, UnaryOperator.identity(), "");
    }

    /**
     * @param tamper          may change the SAMLResponse form fields before they are posted to the broker
     * @param extraParameters appended to the authorization request, e.g. {@code &ui_locales=de}
     */
    public LoginResult login(String username, String password, UnaryOperator<Map<String, String>> tamper, String extraParameters) {
        Browser browser = new Browser();
        Page page = drive(browser, username, password, tamper, extraParameters);
        return new LoginResult(browser.history(), page, REDIRECT_URI);
    }

    private Page drive(Browser browser, String username, String password, UnaryOperator<Map<String, String>> tamper,
                       String extraParameters) {
        Page page = browser.get(authorizationUrl(extraParameters));
        for (int step = 0; step < 10; step++) {
            Element samlForm = page.samlAutoPostForm();
            Element loginForm = page.status() == 200 ? page.document().selectFirst("form#kc-form-login") : null;
            if (samlForm != null) {
                boolean response = !samlForm.select("input[name=SAMLResponse]").isEmpty();
                page = browser.follow(browser.submitOnce(samlForm, Map.of(), response ? tamper : UnaryOperator.identity()));
            } else if (loginForm != null && page.uri().getPath().contains("/realms/" + idpRealm + "/")) {
                page = browser.submit(loginForm, Map.of("username", username, "password", password));
            } else {
                break;
            }
        }
        return page;
    }

    private String authorizationUrl(String extraParameters) {
        return baseUrl + "/realms/" + brokerRealm + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&redirect_uri=" + AdminApi.encode(REDIRECT_URI) + "&response_type=code&scope=openid&state=s"
                + "&kc_idp_hint=" + idpAlias + extraParameters;
    }
}
