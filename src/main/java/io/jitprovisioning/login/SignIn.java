package io.jitprovisioning.login;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.IdentityBrokerService;
import org.keycloak.sessions.AuthenticationSessionModel;

import io.jitprovisioning.admission.SignInOutcome;
import io.jitprovisioning.admission.EmailTrust;
import io.jitprovisioning.admission.SignInGates;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.groups.GroupDecision;
import io.jitprovisioning.groups.GroupResolver;
import io.jitprovisioning.groups.RealmGroupDirectory;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.profile.ProfileResolver;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.saml.SamlAttributes;

/**
 * One brokered sign-in, the context every decision about it reads: who signs in (the identity, the username Keycloak
 * gives them, the account already linked to them), what the assertion says read through the settings (gates, roles,
 * groups, profile), and how far the identity provider is trusted. It reads Keycloak and writes nothing;
 * {@link SignInDecision} turns it into an outcome.
 */
public final class SignIn {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IdentityProviderModel idp;
    private final BrokeredIdentity identity;
    private final AuthenticationSessionModel authSession;
    private final JitSettings settings;
    private final SamlAttributes attributes;
    private final LoginRoles roles;
    private final GroupResolver groups;
    private final ProvenanceStore provenance;
    private final EmailTrustReader emailTrusts;
    private SettingsCheck settingsCheck;
    private Optional<OrganizationMembership> organization;
    private ProfileValues newAccountProfile;
    private ProfileValues mappedProfile;
    private final Clock clock;

    public SignIn(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context, JitSettings settings,
                  ProvenanceStore provenance, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.idp = context.getIdpConfig();
        this.identity = BrokeredIdentity.of(context);
        this.authSession = context.getAuthenticationSession();
        this.settings = settings;
        this.attributes = SamlAttributes.from(context);
        this.provenance = provenance;
        this.roles = new LoginRoles(settings, attributes, new RealmRoleDirectory(session, realm), idp.getAlias(), realm.getName());
        this.groups = new GroupResolver(settings, new RealmGroupDirectory(session, realm));
        this.emailTrusts = new EmailTrustReader(session, idp, this::organization);
        this.clock = clock;
    }

    public KeycloakSession session() {
        return session;
    }

    public RealmModel realm() {
        return realm;
    }

    /** Keycloak's clock, which the first-login rules' windows and a reserved link's age are measured on. */
    public Clock clock() {
        return clock;
    }

    public JitSettings settings() {
        return settings;
    }

    public String idpAlias() {
        return idp.getAlias();
    }

    public String brokerUserId() {
        return identity.brokerUserId();
    }

    public ProvenanceStore provenance() {
        return provenance;
    }

    /**
     * The account this identity signs in to, when it is linked already; empty on a first sign-in. A person linking the
     * identity provider from their account console signs in to their own account: that is no first sign-in either.
     */
    public Optional<UserModel> linkedAccount() {
        if (authSession != null && authSession.getAuthNote(IdentityBrokerService.LINKING_IDENTITY_PROVIDER) != null) {
            return Optional.ofNullable(authSession.getAuthenticatedUser());
        }
        return Optional.ofNullable(session.users().getUserByFederatedIdentity(realm,
                new FederatedIdentityModel(idp.getAlias(), identity.brokerUserId(), identity.username())));
    }

    /**
     * The username a new account gets, as Keycloak's IdentityBrokerService derives it once every mapper has run: a mapper's
     * choice, else the (usable) email in email-as-username realms, else the IdP's username, else {@code <alias>.<identity>}.
     */
    public String username() {
        String email = newAccountProfile().email().filter(asserted -> emailTrust(asserted).usable()).orElse(null);
        return identity.username(realm, idp.getAlias(), email);
    }

    /** The roles this sign-in asks for: from the IdP's role values when it manages roles, else the default role. */
    public RoleDecision roleDecision() {
        return roles.decision();
    }

    /**
     * Why this sign-in is refused whoever the account is: a gate or allowlist setting set but unusable (SETTINGS_INVALID,
     * the rule being the setting's key), a gate (allowed email domains, required attribute), or the unknown-role policy DENY.
     */
    public Optional<SignInOutcome.Refuse> refusal() {
        return settingsCheck().unusable().stream().findFirst()
                .map(unusable -> SignInOutcome.Refuse.bySetting(JitError.SETTINGS_INVALID, unusable.key()))
                .or(() -> SignInGates.refusal(settings, attributes, newAccountProfile().email().orElse(null)).or(roles::refusal)
                        .map(SignInOutcome.Refuse::byGate));
    }

    /** The settings of this sign-in's identity provider as the realm reads them: the unusable ones refuse it. */
    public SettingsCheck settingsCheck() {
        if (settingsCheck == null) {
            settingsCheck = new SettingsCheck(settings, roles.allowlist(), groups.allowlist());
        }
        return settingsCheck;
    }

    /** The profile a new account starts with: mapped fields, then common attribute names, then an email NameID. */
    public ProfileValues newAccountProfile() {
        if (newAccountProfile == null) {
            newAccountProfile = ProfileResolver.forNewAccount(attributes, settings, identity.nameIdEmail());
        }
        return newAccountProfile;
    }

    /** Only the mapped fields: what later sign-ins re-apply. */
    public ProfileValues mappedProfile() {
        if (mappedProfile == null) {
            mappedProfile = ProfileResolver.mapped(attributes, settings);
        }
        return mappedProfile;
    }

    public Optional<OrganizationMembership> organization() {
        if (organization == null) {
            organization = OrganizationMembership.of(session, idp);
        }
        return organization;
    }

    /** How far the identity provider is trusted for an email it asserts. */
    public EmailTrust emailTrust(String email) {
        return emailTrusts.read(email);
    }

    /**
     * Hands Keycloak the cleaned profile in the brokered identity, as any mapper prepares it: Keycloak copies it to a new
     * account after the flow. An email the IdP is not trusted for is left out: the extension never matches, links or
     * verifies with it.
     */
    public void handProfileTo(BrokeredIdentityContext context) {
        context.setEmail(newAccountProfile().email().filter(email -> emailTrust(email).usable()).orElse(null));
        newAccountProfile().firstName().ifPresent(context::setFirstName);
        newAccountProfile().lastName().ifPresent(context::setLastName);
    }

    /** The groups the IdP's USER_GROUP values name; null when no attribute is mapped to USER_GROUP. */
    public GroupDecision groupDecision() {
        List<String> names = settings.attributesFor(AttributeTarget.USER_GROUP);
        return names.isEmpty() ? null : groups.resolve(attributes.values(names));
    }

    LoginRoles roles() {
        return roles;
    }
}
