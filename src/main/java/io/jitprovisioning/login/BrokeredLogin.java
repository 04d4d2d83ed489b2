package io.jitprovisioning.login;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.admission.Admission;
import io.jitprovisioning.admission.EmailTrust;
import io.jitprovisioning.admission.FirstLoginAdmission;
import io.jitprovisioning.admission.SigningIn;
import io.jitprovisioning.compat.TrustEmail;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.profile.ProfileResolver;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.Grants;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.DefaultRoles;
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.roles.RefusedRole;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.roles.RoleDirectory;
import io.jitprovisioning.roles.RoleRef;
import io.jitprovisioning.roles.RoleResolver;
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
    private final RoleDirectory roles;
    private final RoleResolver resolver;
    private final ProvenanceStore provenance;
    private Optional<RoleRef> defaultRole;
    private Optional<OrganizationMembership> organization;
    private RoleDecision roleDecision;
    private ProfileValues newAccountProfile;
    private ProfileValues mappedProfile;

    public BrokeredLogin(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context, JitSettings settings,
                         ProvenanceStore provenance) {
        this.session = session;
        this.realm = realm;
        this.idp = context.getIdpConfig();
        this.identity = BrokeredIdentity.of(context);
        this.settings = settings;
        this.attributes = SamlAttributes.from(context);
        this.provenance = provenance;
        this.roles = new RealmRoleDirectory(session, realm);
        this.resolver = new RoleResolver(settings, roles, this::defaultRole);
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
        if (roleDecision == null) {
            roleDecision = settings.idpManagedRoles()
                    ? resolver.resolve(attributes.values(settings.attributesFor(AttributeTarget.USER_ROLE)))
                    : resolver.defaultDecision(List.of());
        }
        return roleDecision;
    }

    /** Set when the unknown-role policy is DENY and nothing the IdP sent may be granted. */
    public Optional<JitError> roleRefusal() {
        return settings.idpManagedRoles() && roleDecision().isRefused() ? Optional.of(roleDecision().refusal()) : Optional.empty();
    }

    /** The role values behind a role refusal (policy DENY), for the event; none for any other refusal. */
    public List<RefusedRole> rolesBehindRefusal() {
        return roleRefusal().isPresent() ? roleDecision().refused() : List.of();
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
        return EmailTrust.of(email, TrustEmail.isOn(idp), organization());
    }

    /** The first sign-in of an identity no account is linked to: create, link, or refuse. */
    public Admission admission() {
        Optional<JitError> roleRefusal = roleRefusal();
        if (roleRefusal.isPresent()) {
            return new Admission.Refuse(roleRefusal.get(), "UNKNOWN_ROLE_POLICY_DENY");
        }
        EmailTrust email = emailTrust(newAccountProfile().email().orElse(null));
        SigningIn person = new SigningIn(idpAlias(), brokerUserId(), identity.username(realm, idpAlias(), email.email()), email,
                settings.jitEnabled());
        return FirstLoginAdmission.decide(session, realm, person, organization(), provenance);
    }

    /**
     * What this sign-in writes to the account. A new account gets the whole profile and its roles (the default
     * role when the policy keeps current roles); a linked or returning account gets the mapped profile and, when
     * the IdP manages roles, the roles; a returning account whose roles the IdP does not manage gets nothing.
     */
    public LoginDecision decisionFor(UserModel user, Account account) {
        if (account == Account.RETURNING && !settings.idpManagedRoles()) {
            return LoginDecision.nothing(idpAlias());
        }
        Grants grants = account == Account.NEW ? Grants.none() : provenance.grantsOf(user.getId());
        ProfileValues profile = account == Account.NEW ? newAccountProfile() : mappedProfile();
        boolean emailVerified = emailTrust(profile.email().orElse(null)).verified();
        return new LoginDecision(idpAlias(), profile, emailVerified, rolesFor(account, grants), grants);
    }

    private RoleDecision rolesFor(Account account, Grants grants) {
        RoleDecision decision = roleDecision();
        if (decision.outcome() != RoleDecision.Outcome.KEEP_CURRENT) {
            return decision;
        }
        if (account == Account.NEW) {
            return resolver.defaultDecision(decision.refused());
        }
        // Keep what this IdP granted, but never a role that has since become protected or left the allowlist.
        Set<RoleRef> kept = grants.of(idpAlias(), GrantKind.ROLE).stream()
                .map(roles::byId).flatMap(Optional::stream).filter(resolver::mayKeep)
                .collect(Collectors.toSet());
        return new RoleDecision(RoleDecision.Outcome.APPLY, kept, decision.refused(), false, null);
    }

    private Optional<RoleRef> defaultRole() {
        if (defaultRole == null) {
            defaultRole = DefaultRoles.find(roles, settings, idpAlias(), realm.getName());
        }
        return defaultRole;
    }
}
