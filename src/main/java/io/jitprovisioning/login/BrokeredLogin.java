package io.jitprovisioning.login;

import java.util.List;
import java.util.Optional;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.admission.Admission;
import io.jitprovisioning.admission.EmailTrust;
import io.jitprovisioning.admission.FirstLoginAdmission;
import io.jitprovisioning.admission.SignInGates;
import io.jitprovisioning.admission.SigningIn;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.groups.GroupDecision;
import io.jitprovisioning.groups.GroupResolver;
import io.jitprovisioning.groups.RealmGroupDirectory;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.profile.ProfileResolver;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.provenance.Grants;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.roles.RefusedRole;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.saml.SamlAttributes;

/**
 * One brokered sign-in as the extension sees it: the assertion read through the settings, and every decision made
 * from it (refuse, create, link; roles; profile). It writes nothing: the writers apply what it decides.
 */
public final class BrokeredLogin {

    /** How the account being written came to this sign-in. */
    public enum Account { NEW, LINKED, RETURNING }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IdentityProviderModel idp;
    private final BrokeredIdentity identity;
    private final JitSettings settings;
    private final SamlAttributes attributes;
    private final LoginRoles roles;
    private final GroupResolver groups;
    private final ProvenanceStore provenance;
    private SettingsCheck settingsCheck;
    private Optional<OrganizationMembership> organization;
    private ProfileValues newAccountProfile;
    private ProfileValues mappedProfile;
    private final EmailTrustReader emailTrusts;

    public BrokeredLogin(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context, JitSettings settings,
                         ProvenanceStore provenance) {
        this.session = session;
        this.realm = realm;
        this.idp = context.getIdpConfig();
        this.identity = BrokeredIdentity.of(context);
        this.settings = settings;
        this.attributes = SamlAttributes.from(context);
        this.provenance = provenance;
        this.roles = new LoginRoles(settings, attributes, new RealmRoleDirectory(session, realm), idp.getAlias(), realm.getName());
        this.groups = new GroupResolver(settings, new RealmGroupDirectory(session, realm));
        this.emailTrusts = new EmailTrustReader(session, idp, this::organization);
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

    /** The roles this sign-in asks for: from the IdP's role values when it manages roles, else the default role. */
    public RoleDecision roleDecision() {
        return roles.decision();
    }

    /**
     * Why this sign-in is refused whoever the account is: a gate or allowlist setting that is set but unusable
     * (SETTINGS_INVALID, the rule being the setting's key), a gate (allowed email domains, required attribute), or
     * the unknown-role policy DENY.
     */
    public Optional<Admission.Refuse> refusal() {
        return settingsCheck().unusable().stream().findFirst()
                .map(unusable -> new Admission.Refuse(JitError.SETTINGS_INVALID, unusable.key()))
                .or(() -> SignInGates.refusal(settings, attributes, newAccountProfile().email().orElse(null)).or(roles::refusal)
                        .map(Admission.Refuse::byGate));
    }

    /** The settings of this sign-in's identity provider as the realm reads them: the unusable ones refuse it. */
    public SettingsCheck settingsCheck() {
        if (settingsCheck == null) {
            settingsCheck = new SettingsCheck(settings, roles.allowlist(), groups.allowlist());
        }
        return settingsCheck;
    }

    /** The role values behind a role refusal (policy DENY), for the event; none for any other refusal. */
    public List<RefusedRole> rolesBehindRefusal() {
        return settingsCheck().unusable().isEmpty() && roles.refusal().isPresent() ? roleDecision().refused() : List.of();
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

    /** The first sign-in of an identity no account is linked to: create, link, or refuse. */
    public Admission admission() {
        Optional<Admission.Refuse> refusal = refusal();
        if (refusal.isPresent()) {
            return refusal.get();
        }
        EmailTrust email = emailTrust(newAccountProfile().email().orElse(null));
        SigningIn person = new SigningIn(idpAlias(), brokerUserId(), identity.username(realm, idpAlias(), email.email()), email,
                settings.jitEnabled());
        return FirstLoginAdmission.decide(session, realm, person, organization(), provenance);
    }

    /** What the mapper refuses before the first-login flow: a first sign-in's whole admission, a later one's gates. */
    public Optional<Admission.Refuse> gateRefusal(boolean firstLogin) {
        if (firstLogin) {
            return admission() instanceof Admission.Refuse refused ? Optional.of(refused) : Optional.empty();
        }
        return refusal();
    }

    /**
     * Hands Keycloak the cleaned profile, which it copies to the account after the flow (the email verified when Trust
     * email is on). An IdP of an organization is trusted only inside the organization's verified domains: outside
     * them the email is left to the extension, which never matches, links or verifies with it.
     */
    public void shareProfile(BrokeredIdentityContext context) {
        ProfileValues profile = newAccountProfile();
        profile.email().ifPresent(email -> context.setEmail(emailTrust(email).usable() ? email : null));
        profile.firstName().ifPresent(context::setFirstName);
        profile.lastName().ifPresent(context::setLastName);
    }

    /**
     * What this sign-in writes to the account. A new account gets the whole profile, its roles and groups; a linked
     * or returning account gets the mapped profile, roles and groups; a returning account whose roles the IdP does
     * not manage gets nothing (the default role and groups apply at the first sign-in only).
     */
    public LoginDecision decisionFor(UserModel user, Account account) {
        if (account == Account.RETURNING && !settings.idpManagedRoles()) {
            return LoginDecision.nothing(idpAlias());
        }
        Grants grants = account == Account.NEW ? Grants.none() : provenance.grantsOf(user.getId());
        ProfileValues profile = account == Account.NEW ? newAccountProfile() : mappedProfile();
        EmailTrust email = emailTrust(profile.email().orElse(null));
        ProfileValues stored = email.claimedByAnotherOrganization() ? profile.rejecting(AttributeTarget.USER_EMAIL) : profile;
        return new LoginDecision(idpAlias(), stored, email.verified(), roles.forAccount(account, grants), groupDecision(), grants);
    }

    /** The groups the IdP's USER_GROUP values name; null when no attribute is mapped to USER_GROUP. */
    public GroupDecision groupDecision() {
        List<String> names = settings.attributesFor(AttributeTarget.USER_GROUP);
        return names.isEmpty() ? null : groups.resolve(attributes.values(names));
    }
}
