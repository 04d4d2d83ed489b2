package io.jitprovisioning.provenance;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The provenance without a database: grants per account, identity provider and kind. */
public final class InMemoryProvenanceStore implements ProvenanceStore {

    private final Map<String, Map<String, Map<GrantKind, Set<String>>>> grants = new HashMap<>();
    private final Map<String, Provisioning> provisioning = new HashMap<>();
    private final Map<String, PendingLink> pendingLinks = new HashMap<>();

    @Override
    public Grants grantsOf(String userId) {
        Grants.Builder builder = Grants.builder();
        grants.getOrDefault(userId, Map.of()).forEach((idp, kinds) ->
                kinds.forEach((kind, ids) -> ids.forEach(id -> builder.add(idp, kind, id))));
        return builder.build();
    }

    @Override
    public void replace(String realmId, String userId, String idpAlias, GrantKind kind, Set<String> targetIds) {
        grants.computeIfAbsent(userId, any -> new HashMap<>()).computeIfAbsent(idpAlias, any -> new HashMap<>())
                .put(kind, new LinkedHashSet<>(targetIds));
    }

    @Override
    public void forget(String userId, GrantKind kind, String targetId) {
        grants.getOrDefault(userId, Map.of()).values().forEach(kinds -> kinds.getOrDefault(kind, new LinkedHashSet<>()).remove(targetId));
    }

    @Override
    public Optional<Provisioning> provisioningOf(String userId) {
        return Optional.ofNullable(provisioning.get(userId));
    }

    @Override
    public void recordProvisioning(String realmId, String userId, Provisioning record) {
        provisioning.put(userId, record);
    }

    @Override
    public Optional<PendingLink> pendingLinkOf(String userId) {
        return Optional.ofNullable(pendingLinks.get(userId));
    }

    @Override
    public boolean reserveLink(String realmId, String userId, PendingLink link) {
        pendingLinks.put(userId, link);
        return true;
    }

    @Override
    public void clearPendingLink(String userId) {
        pendingLinks.remove(userId);
    }

    @Override
    public void markLinked(String userId) {
        provisioning.computeIfPresent(userId, (id, record) -> new Provisioning(record.idpAlias(), record.brokerUserId(), true));
    }
}
