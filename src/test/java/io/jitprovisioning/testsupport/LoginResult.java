package io.jitprovisioning.testsupport;

import java.util.List;

import io.jitprovisioning.testsupport.Browser.Page;

/** The pages one brokered sign-in went through, and where it ended. */
public record LoginResult(List<Page> history, Page last, String redirectUri) {

    /** Ended at the application with an authorization code: the user is signed in. */
    public boolean isLoggedIn() {
        return last.isRedirect() && last.location().startsWith(redirectUri) && last.location().contains("code=");
    }

    /** The authorization code the application received. */
    public String code() {
        String location = last.location();
        int start = location.indexOf("code=") + 5;
        int end = location.indexOf('&', start);
        return java.net.URLDecoder.decode(end < 0 ? location.substring(start) : location.substring(start, end),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Pages the person signing in would have looked at, other than the IdP's own login form: review-profile,
     * confirm-link, update-account, error pages. JIT promises none on success.
     */
    public List<Page> pagesShownByBroker(String idpRealm) {
        return history.stream()
                .filter(page -> page.status() >= 200 && page.status() < 300 || page.status() >= 400)
                .filter(page -> page.samlAutoPostForm() == null)
                .filter(page -> !page.uri().getPath().contains("/realms/" + idpRealm + "/"))
                .toList();
    }

    /** Time spent waiting for one realm's answers ({@code /realms/<realm>/...}), the browser's own work left out. */
    public double millisAt(String realm) {
        String prefix = "/realms/" + realm + "/";
        return history.stream().filter(page -> page.uri().getPath().startsWith(prefix)).mapToDouble(Page::millis).sum();
    }

    public String lastText() {
        return last.text();
    }

    public int lastStatus() {
        return last.status();
    }

    /** The value of {@code data-jit-error} on the JIT refusal page, or null on any other page. */
    public String jitErrorCode() {
        var element = last.document().selectFirst("#jit-refused");
        return element == null ? null : element.attr("data-jit-error");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("LoginResult[");
        for (Page page : history) {
            out.append("\n  ").append(page.method()).append(' ').append(page.uri().getPath()).append(" -> ").append(page.status());
        }
        out.append("\n  last text: ").append(last.text().length() > 400 ? last.text().substring(0, 400) : last.text()).append(']');
        return out.toString();
    }
}
