package io.jitprovisioning.sync;

import java.util.List;
import java.util.Optional;

import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.compat.TrustEmail;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.profile.ProfileResolver;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.DefaultRoles;
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.roles.RoleRef;
import io.jitprovisioning.roles.RoleResolver;
import io.jitprovisioning.saml.SamlAttributes;

/**
 * One brokered login as the extension sees it: the assertion's attributes read through the settings, decided on
 * once, and applied to an account.
 */
public final class LoginSync {

    private final JitSettings settings;
    private final SamlAttributes attributes;
    private final IdentityProviderModel idp;
    private final String nameIdEmail;
    private final AccountSync accountSync;
    private final RoleResolver resolver;
    private RoleDecision decision;
    private Optional<RoleRef> defaultRole;
    private ProfileValues newAccountProfile;
    private ProfileValues mappedProfile;

    public LoginSync(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context, JitSettings settings) {
        this.settings = settings;
        this.attributes = SamlAttributes.from(context);
        this.idp = context.getIdpConfig();
        this.nameIdEmail = context.getEmail();
        this.accountSync = new AccountSync(session, realm, TrustEmail.isOn(idp));
        RealmRoleDirectory directory = new RealmRoleDirectory(session, realm);
        this.resolver = new RoleResolver(settings, directory, () -> {
            if (defaultRole == null) {
                defaultRole = DefaultRoles.find(session, realm, directory, settings, idp.getAlias());
            }
            return defaultRole;
        });
    }

    public JitSettings settings() {
        return settings;
    }

    /** The roles this login asks for: from the IdP's role values when it manages roles, else the default role. */
    public RoleDecision decision() {
        if (decision == null) {
            decision = settings.idpManagedRoles()
                    ? resolver.resolve(attributes.values(settings.attributesFor(AttributeTarget.USER_ROLE)))
                    : resolver.defaultDecision(List.of());
        }
        return decision;
    }

    /** Set when the unknown-role policy is DENY and nothing the IdP sent may be granted. */
    public Optional<JitError> refusal() {
        if (!settings.idpManagedRoles()) {
            return Optional.empty();
        }
        return decision().isRefused() ? Optional.of(decision().refusal()) : Optional.empty();
    }

    /** The profile a new account starts with: mapped fields, then common attribute names, then an email NameID. */
    public ProfileValues newAccountProfile() {
        if (newAccountProfile == null) {
            newAccountProfile = ProfileResolver.forNewAccount(attributes, settings, nameIdEmail);
        }
        return newAccountProfile;
    }

    /** Only the mapped fields: what later sign-ins re-apply. */
    private ProfileValues mappedProfile() {
        if (mappedProfile == null) {
            mappedProfile = ProfileResolver.mapped(attributes, settings);
        }
        return mappedProfile;
    }

    /** First login of a new account, or of an existing account being linked: the mapping and roles apply. */
    public Changes provision(UserModel user, boolean newAccount) {
        Changes changes = new Changes();
        accountSync.applyProfile(user, newAccount ? newAccountProfile() : mappedProfile(), changes);
        RoleDecision roles = decision();
        if (roles.outcome() == RoleDecision.Outcome.KEEP_CURRENT && newAccount) {
            roles = resolver.defaultDecision(roles.refused());
        }
        accountSync.applyRoles(user, roles, changes);
        return changes;
    }

    /** A later login: with IdP managed roles the mapping and roles are re-applied; otherwise nothing changes. */
    public Changes update(UserModel user) {
        Changes changes = new Changes();
        if (settings.idpManagedRoles()) {
            accountSync.applyProfile(user, mappedProfile(), changes);
            accountSync.applyRoles(user, decision(), changes);
        }
        return changes;
    }

    public String idpAlias() {
        return idp.getAlias();
    }
}
