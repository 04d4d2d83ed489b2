package io.jitprovisioning.provenance.jpa;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.ProviderIds;

/**
 * Makes the extension's rows and its JIT mapper follow an identity provider's new alias. Keycloak 26.4 and 26.5 let
 * an administrator change the alias ({@code PUT .../identity-provider/instances/{alias}}); they move the accounts'
 * links, but not the IdP's mappers, and the update event carries only the new alias. Everything of ours is keyed by
 * alias, so without this a renamed IdP would lose its JIT settings, and a later sign-in would no longer revoke what it
 * granted. (Keycloak 26.7 refuses renames.)
 *
 * <p>The old alias is found as the one alias that our grants or JIT mappers name and no identity provider of the
 * realm has any more: deleting an identity provider takes its grants and mappers with it, so only a rename leaves one.
 * ({@code JIT_PROVISIONING} rows are no such evidence: earlier versions left them behind when an identity provider
 * was deleted.) Read from the database, not from Keycloak's cache, which still holds the old alias during the update.
 * When the new alias already has grants or a JIT mapper of its own, or more than one alias is left over, nothing is
 * moved: a guess could hand one IdP's grants to another.
 */
final class IdentityProviderRenames {

    private static final Logger LOG = Logger.getLogger(IdentityProviderRenames.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final JpaProvenanceStore store;

    IdentityProviderRenames(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.store = JpaProvenanceStore.jpa(session);
    }

    /** Called for every update of an identity provider: most are no rename, and then nothing is left over. */
    void follow(String alias) {
        Optional<String> renamed = renamedFrom(alias, store.grantingAliasesOf(realm.getId()), jitMapperAliases(), currentAliases());
        if (renamed.isEmpty()) {
            return;
        }
        String oldAlias = renamed.get();
        store.renameIdentityProvider(realm.getId(), oldAlias, alias);
        session.identityProviders().getMappersByAliasStream(oldAlias)
                .filter(mapper -> ProviderIds.MAPPER.equals(mapper.getIdentityProviderMapper()))
                .toList().forEach(mapper -> move(mapper, alias));
        LOG.infof("Realm %s: identity provider %s was renamed to %s; its JIT mapper, grants and provisioning records follow",
                realm.getName(), oldAlias, alias);
    }

    /**
     * The alias {@code alias} was renamed from, if the evidence names exactly one.
     *
     * @param granting   the aliases the realm's grants name
     * @param jitMappers the aliases the realm's JIT mappers name
     * @param current    the aliases of the realm's identity providers now
     */
    static Optional<String> renamedFrom(String alias, Set<String> granting, Set<String> jitMappers, Collection<String> current) {
        if (granting.contains(alias) || jitMappers.contains(alias)) {
            return Optional.empty();
        }
        Set<String> leftOver = new HashSet<>(granting);
        leftOver.addAll(jitMappers);
        leftOver.removeAll(current);
        return leftOver.size() == 1 ? Optional.of(leftOver.iterator().next()) : Optional.empty();
    }

    private void move(IdentityProviderMapperModel mapper, String alias) {
        // Saved once unchanged first: Keycloak's cache forgets a mapper under the alias of the model it is given, and
        // the entry under the old alias would otherwise stay and refuse a mapper of that name on a future IdP there.
        session.identityProviders().updateMapper(mapper);
        mapper.setIdentityProviderAlias(alias);
        session.identityProviders().updateMapper(mapper);
    }

    private Set<String> jitMapperAliases() {
        return new HashSet<>(em.createQuery("select distinct m.identityProviderAlias from IdentityProviderMapperEntity m "
                        + "where m.realmId = :realmId and m.identityProviderMapper = :mapper", String.class)
                .setParameter("realmId", realm.getId()).setParameter("mapper", ProviderIds.MAPPER).getResultList());
    }

    private List<String> currentAliases() {
        return em.createQuery("select i.alias from IdentityProviderEntity i where i.realmId = :realmId", String.class)
                .setParameter("realmId", realm.getId()).getResultList();
    }
}
