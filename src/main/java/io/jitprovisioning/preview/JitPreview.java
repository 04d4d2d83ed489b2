package io.jitprovisioning.preview;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.problem.Problem;

/**
 * "What would happen if this person signed in?": a SAML response a user's browser posted, or attributes typed by
 * hand, put through Keycloak's checks and the extension's decision, with nothing written and no sign-in event sent.
 * What it tells depends on accounts only for an administrator who may view users: for anyone else, no account is
 * even looked up ({@link WithheldReport}).
 */
public final class JitPreview {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SAMLIdentityProviderConfig idp;
    private final AccountViews views;

    /**
     * @param idp   a SAML identity provider
     * @param views what the one asking may see of accounts: all of the answer with {@code anyAccount()}, and a
     *              matched account's id and username with {@code account(user)}
     */
    public JitPreview(KeycloakSession session, RealmModel realm, IdentityProviderModel idp, AccountViews views) {
        this.session = session;
        this.realm = realm;
        this.idp = new SAMLIdentityProviderConfig(idp);
        this.views = views;
    }

    public PreviewReport run(PreviewInput input) {
        List<Problem> problems = SettingsProblems.of(session, realm, idp);
        String kind = input.isResponse() ? "saml_response" : "attributes";
        List<Check> checks = new ArrayList<>();
        AssertionType assertion;
        ResponseDecoder.Decoded decoded = null;
        if (input.isResponse()) {
            decoded = ResponseDecoder.decode(input.samlResponse());
            ResponseChecks.Outcome outcome = new ResponseChecks(session, realm, idp, BrokerUrls.of(session, realm, idp)).run(decoded);
            checks.addAll(outcome.checks());
            assertion = outcome.assertion();
        } else {
            checks.add(Check.notApplicable("saml_checks", "attributes typed by hand: there is no response whose signature, "
                    + "issuer, audience, destination or time window could be checked"));
            assertion = SamlIdentity.typedByHand(input);
        }
        if (assertion == null) {
            return PreviewReport.invalid(idp.getAlias(), kind, checks, problems);
        }
        SamlIdentity.Result identity = SamlIdentity.of(assertion, decoded == null ? null : decoded.response(), idp);
        checks.add(identity.check());
        if (identity.context() == null) {
            return PreviewReport.invalid(idp.getAlias(), kind, checks, problems);
        }
        SignInPreview signIn = new SignInPreview(session, realm, idp.getAlias());
        if (!views.anyAccount()) {
            return WithheldReport.of(idp.getAlias(), kind, checks, signIn.withoutAccounts(identity.context()), problems);
        }
        return PreviewReport.of(idp.getAlias(), kind, checks, signIn.decide(identity.context()), problems, views::account);
    }
}
