package io.jitprovisioning.login;

import static io.jitprovisioning.config.JitConfigProperties.IDP_MANAGED_ROLES;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.jitprovisioning.admission.SignInOutcome.AccountKind;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.Grants;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.DefaultRoles;
import io.jitprovisioning.roles.RoleAllowlist;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.roles.RoleDirectory;
import io.jitprovisioning.roles.RoleRef;
import io.jitprovisioning.roles.RoleResolver;
import io.jitprovisioning.saml.SamlAttributes;

/** The roles of one sign-in: decided once from the assertion, then fitted to the account that receives them. */
final class LoginRoles {

    private final JitSettings settings;
    private final SamlAttributes attributes;
    private final RoleDirectory directory;
    private final RoleResolver resolver;
    private final String idpAlias;
    private final String realmName;
    private Optional<RoleRef> defaultRole;
    private RoleDecision decision;

    LoginRoles(JitSettings settings, SamlAttributes attributes, RoleDirectory directory, String idpAlias, String realmName) {
        this.settings = settings;
        this.attributes = attributes;
        this.directory = directory;
        this.idpAlias = idpAlias;
        this.realmName = realmName;
        this.resolver = new RoleResolver(settings, directory, this::defaultRole);
    }

    /** The roles this sign-in asks for: from the IdP's role values when it manages roles, else the default role. */
    RoleDecision decision() {
        if (decision == null) {
            decision = settings.get(IDP_MANAGED_ROLES)
                    ? resolver.resolve(attributes.values(settings.attributesFor(AttributeTarget.USER_ROLE)))
                    : resolver.defaultDecision(List.of());
        }
        return decision;
    }

    /** Assignable roles as the realm resolves them. */
    RoleAllowlist allowlist() {
        return resolver.allowlist();
    }

    /** Set when the unknown-role policy is DENY and nothing the IdP sent may be granted. */
    Optional<JitError> refusal() {
        return settings.get(IDP_MANAGED_ROLES) && decision().isRefused() ? Optional.of(decision().refusal()) : Optional.empty();
    }

    /**
     * The roles for one account. {@code KEEP_CURRENT} gives a new account the default role, and keeps what this IdP
     * granted an existing one, but never a role that has since become protected or left the allowlist.
     */
    RoleDecision forAccount(AccountKind account, Grants grants) {
        RoleDecision wanted = decision();
        if (wanted.outcome() != RoleDecision.Outcome.KEEP_CURRENT) {
            return wanted;
        }
        if (account == AccountKind.NEW) {
            return resolver.defaultDecision(wanted.refused());
        }
        Set<RoleRef> kept = grants.of(idpAlias, GrantKind.ROLE).stream()
                .map(directory::byId).flatMap(Optional::stream).filter(resolver::mayKeep)
                .collect(Collectors.toSet());
        return new RoleDecision(RoleDecision.Outcome.APPLY, kept, wanted.refused(), false, null);
    }

    private Optional<RoleRef> defaultRole() {
        if (defaultRole == null) {
            defaultRole = DefaultRoles.find(directory, settings, idpAlias, realmName);
        }
        return defaultRole;
    }
}
