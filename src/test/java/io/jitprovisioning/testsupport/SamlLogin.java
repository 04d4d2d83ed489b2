package io.jitprovisioning.testsupport;

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

    public LoginResult login(String username, String password) {
        return login(username, password, UnaryOperator.identity(), "");
    }

    /**
     * @param tamper          may change the SAMLResponse form fields before they are posted to the broker
     * @param extraParameters appended to the authorization request, e.g. {@code &ui_locales=de}
     */
    public LoginResult login(String username, String password, UnaryOperator<Map<String, String>> tamper, String extraParameters) {
        Browser browser = new Browser();
        String authUrl = baseUrl + "/realms/" + brokerRealm + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&redirect_uri=" + AdminApi.encode(REDIRECT_URI) + "&response_type=code&scope=openid&state=s"
                + "&kc_idp_hint=" + idpAlias + extraParameters;
        Page page = browser.get(authUrl);
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
        return new LoginResult(browser.history(), page, REDIRECT_URI);
    }
}
