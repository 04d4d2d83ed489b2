package io.jitprovisioning.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.broker.saml.SAMLIdentityProviderFactory;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitMappers;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.delegation.Delegations;
import io.jitprovisioning.delegation.OrganizationLimits;

/**
 * New limits reach the identity providers they hold: each JIT mapper of the organization's identity providers gets
 * the offered roles and groups as its allowlists, in the same transaction, so that sign-ins are held to the new limits
 * at once: a role value no longer offered is refused by the allowlist, a default role no longer offered is replaced
 * ({@link OfferedScope#within}).
 */
final class LimitsFollowers {

    private LimitsFollowers() {
    }

    static void apply(KeycloakSession session, RealmModel realm, OrganizationModel organization, OrganizationLimits limits) {
        OfferedScope scope = new OfferedScope(session, realm, organization, limits);
        session.getProvider(OrganizationProvider.class).getIdentityProviders(organization)
                .filter(idp -> SAMLIdentityProviderFactory.PROVIDER_ID.equals(idp.getProviderId()))
                .flatMap(idp -> JitMappers.find(session, idp.getAlias()).stream())
                .forEach(mapper -> {
                    JitSettings within = scope.within(JitSettings.from(mapper));
                    IdentityProviderMapperModel updated = new IdentityProviderMapperModel();
                    updated.setId(mapper.getId());
                    updated.setName(mapper.getName());
                    updated.setIdentityProviderAlias(mapper.getIdentityProviderAlias());
                    updated.setIdentityProviderMapper(mapper.getIdentityProviderMapper());
                    Map<String, String> config = new LinkedHashMap<>(mapper.getConfig());
                    JitConfigProperties.SETTINGS.forEach(setting -> config.remove(setting.key()));
                    config.putAll(within.toConfig());
                    updated.setConfig(config);
                    session.identityProviders().updateMapper(updated);
                });
    }

    /** New realm defaults: for every organization that has no limits of its own. */
    static void applyDefaults(KeycloakSession session, RealmModel realm, OrganizationLimits defaults) {
        Delegations delegations = Delegations.of(session, realm.getId());
        session.getProvider(OrganizationProvider.class).getAllStream()
                .filter(organization -> delegations.ownLimits(organization.getId()).isEmpty())
                .forEach(organization -> apply(session, realm, organization, defaults));
    }
}
