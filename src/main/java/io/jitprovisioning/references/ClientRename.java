package io.jitprovisioning.references;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * A client given a new clientId ({@code ClientModel.ClientIdChangeEvent}): every {@code clientId.role} value that
 * named one of its roles, or a role it does not have, gets the new clientId. A value named the client when its
 * clientId was the longest prefix of the value that named a client before the change.
 *
 * @param previousClientId the clientId before
 * @param newClientId      the clientId now
 * @param isClientIdNow    whether a clientId names a client of the realm, after the change
 */
record ClientRename(String previousClientId, String newClientId, Predicate<String> isClientIdNow) implements Rename {

    @Override
    public Optional<String> role(String value) {
        if (!value.startsWith(previousClientId + ".")) {
            return Optional.empty();
        }
        String client = ClientPrefix.of(value, this::wasClientId);
        return previousClientId.equals(client)
                ? Optional.of(newClientId + value.substring(previousClientId.length()))
                : Optional.empty();
    }

    private boolean wasClientId(String clientId) {
        return clientId.equals(previousClientId) || !clientId.equals(newClientId) && isClientIdNow.test(clientId);
    }

    @Override
    public String describe() {
        return "client '" + previousClientId + "' renamed to '" + newClientId + "'";
    }
}
