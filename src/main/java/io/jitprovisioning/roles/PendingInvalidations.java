package io.jitprovisioning.roles;

import java.util.HashSet;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakTransaction;

/** Role-index invalidations made on this node, applied once the session's transaction has ended (see {@link RoleIndexInvalidation}). */
final class PendingInvalidations {

    private static final String PENDING = PendingInvalidations.class.getName();

    private PendingInvalidations() {
    }

    static Pending roles(String realmId) {
        return Pending.roles(realmId);
    }

    static Pending clients(String realmId) {
        return Pending.clients(realmId);
    }

    /** What to drop once the transaction ends: realms whose roles changed, realms whose clients changed. */
    record Pending(Set<String> roles, Set<String> clients) {
        static Pending roles(String realmId) {
            return new Pending(Set.of(realmId), Set.of());
        }

        static Pending clients(String realmId) {
            return new Pending(Set.of(), Set.of(realmId));
        }
    }

    /**
     * Applies the change when the session's transaction ends, or now when there is none. One after-completion step
     * per session, however many changes it makes (a partial import reports thousands).
     */
    static void afterTransaction(KeycloakSession session, RoleNameIndex index, Pending change) {
        if (session == null || !session.getTransactionManager().isActive()) {
            AfterCompletion.apply(index, change.roles(), change.clients());
            return;
        }
        if (session.getAttribute(PENDING) instanceof AfterCompletion pending) {
            pending.add(change);
            return;
        }
        AfterCompletion pending = new AfterCompletion(index);
        pending.add(change);
        session.setAttribute(PENDING, pending);
        session.getTransactionManager().enlistAfterCompletion(pending);
    }

    /** The changes collected in one session, applied when its transaction ends, committed or rolled back. */
    private static final class AfterCompletion implements KeycloakTransaction {

        private final RoleNameIndex index;
        private final Set<String> roles = new HashSet<>();
        private final Set<String> clients = new HashSet<>();
        private boolean active;

        AfterCompletion(RoleNameIndex index) {
            this.index = index;
        }

        synchronized void add(Pending change) {
            roles.addAll(change.roles());
            clients.addAll(change.clients());
        }

        static void apply(RoleNameIndex index, Set<String> roles, Set<String> clients) {
            roles.forEach(index::invalidate);
            clients.forEach(index::clientsChanged);
        }

        private synchronized void apply() {
            apply(index, roles, clients);
            active = false;
        }

        @Override
        public void begin() {
            active = true;
        }

        @Override
        public void commit() {
            apply();
        }

        @Override
        public void rollback() {
            apply();
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }

        @Override
        public boolean isActive() {
            return active;
        }
    }
}
