package io.jitprovisioning.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.cluster.ClusterEvent;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.KeycloakTransaction;
import org.keycloak.models.KeycloakTransactionManager;
import org.mockito.ArgumentCaptor;

class RoleIndexInvalidationTest {

    /** Named like Keycloak's cluster events (which live outside the SPI jars), as the listener tells them apart by name. */
    static final class RoleAddedEvent implements ClusterEvent {
    }

    static final class ClientAddedEvent implements ClusterEvent {
    }

    static final class ClientScopeAddedEvent implements ClusterEvent {
    }

    static final class UserUpdatedEvent implements ClusterEvent {
    }

    private final RealmSnapshots<RoleNames> snapshots = new RealmSnapshots<>(RoleNameIndex.MAX_AGE, RoleNameIndex.MAX_REALMS,
            RoleNameIndex.MAX_NAMES_TOTAL, RoleNames::weight);
    private final RoleIndexInvalidation invalidation = new RoleIndexInvalidation(new RoleNameIndex(snapshots));
    private RoleNames realm1;

    @BeforeEach
    void twoRealmsIndexed() {
        realm1 = snapshots.get("realm-1", () -> RoleNames.builder(10).realmRole("a").build());
        snapshots.get("realm-2", () -> RoleNames.builder(10).realmRole("b").build());
        realm1.rememberNonClient("app");
    }

    @Nested
    @DisplayName("given a message from another node")
    class FromTheCluster {

        @Test
        void aRoleChangeDropsEveryRealmsIndex() {
            invalidation.onClusterEvent(new RoleAddedEvent());

            assertThat(snapshots.size()).isZero();
        }

        @Test
        void aClientChangeOnlyForgetsWhichClientIdsNamedNoClient() {
            invalidation.onClusterEvent(new ClientAddedEvent());

            assertThat(snapshots.size()).isEqualTo(2);
            assertThat(realm1.isKnownNonClient("app")).isFalse();
        }

        @Test
        void otherChangesLeaveTheIndexesAlone() {
            invalidation.onClusterEvent(new ClientScopeAddedEvent());
            invalidation.onClusterEvent(new UserUpdatedEvent());

            assertThat(snapshots.size()).isEqualTo(2);
            assertThat(realm1.isKnownNonClient("app")).isTrue();
        }
    }

    @Nested
    @DisplayName("given an admin event on this node")
    class FromTheAdminApi {

        private KeycloakSession sessionWithoutTransaction() {
            KeycloakSession session = mock(KeycloakSession.class);
            KeycloakTransactionManager transactions = mock(KeycloakTransactionManager.class);
            when(session.getTransactionManager()).thenReturn(transactions);
            when(transactions.isActive()).thenReturn(false);
            return session;
        }

        private AdminEvent event(ResourceType type) {
            AdminEvent event = new AdminEvent();
            event.setRealmId("realm-1");
            event.setResourceType(type);
            event.setOperationType(OperationType.CREATE);
            return event;
        }

        @Test
        void aRoleCreatedDropsThatRealmsIndexOnly() {
            invalidation.listenerFor(sessionWithoutTransaction()).onEvent(event(ResourceType.REALM_ROLE), false);

            assertThat(snapshots.size()).isEqualTo(1);
            snapshots.ifPresent("realm-2", names -> assertThat(names.realmRoles().matching("B")).containsExactly("b"));
        }

        @Test
        void aPartialImportCountsAsARoleChange() {
            invalidation.listenerFor(sessionWithoutTransaction()).onEvent(event(ResourceType.REALM), false);

            assertThat(snapshots.size()).isEqualTo(1);
        }

        @Test
        void aClientCreatedForgetsWhichClientIdsNamedNoClient() {
            invalidation.listenerFor(sessionWithoutTransaction()).onEvent(event(ResourceType.CLIENT), false);

            assertThat(snapshots.size()).isEqualTo(2);
            assertThat(realm1.isKnownNonClient("app")).isFalse();
        }

        @Test
        void inATransactionTheIndexIsDroppedWhenItEndsNotBefore() {
            KeycloakSession session = mock(KeycloakSession.class);
            KeycloakTransactionManager transactions = mock(KeycloakTransactionManager.class);
            when(session.getTransactionManager()).thenReturn(transactions);
            when(transactions.isActive()).thenReturn(true);
            ArgumentCaptor<KeycloakTransaction> afterCompletion = ArgumentCaptor.forClass(KeycloakTransaction.class);

            invalidation.listenerFor(session).onEvent(event(ResourceType.CLIENT_ROLE), false);

            verify(transactions).enlistAfterCompletion(afterCompletion.capture());
            assertThat(snapshots.size()).isEqualTo(2);
            afterCompletion.getValue().begin();
            afterCompletion.getValue().commit();
            assertThat(snapshots.size()).isEqualTo(1);
        }

        @Test
        void userChangesLeaveTheIndexAlone() {
            invalidation.listenerFor(sessionWithoutTransaction()).onEvent(event(ResourceType.USER), false);

            assertThat(snapshots.size()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("given Keycloak's provider factories")
    class Ownership {

        @Test
        void eachKeycloakKeepsAnIndexOfItsOwn() {
            assertThat(new RoleIndexInvalidationFactory().index()).isNotSameAs(new RoleIndexInvalidationFactory().index());
        }

        @Test
        void signInsFindTheIndexThroughTheirSessionFactory() {
            RoleIndexInvalidationFactory owner = new RoleIndexInvalidationFactory();
            KeycloakSessionFactory keycloak = mock(KeycloakSessionFactory.class);
            when(keycloak.getProviderFactory(EventListenerProvider.class, RoleIndexInvalidationFactory.PROVIDER_ID)).thenReturn(owner);

            assertThat(RoleNameIndex.of(keycloak)).containsSame(owner.index());
        }

        @Test
        void withTheProviderDisabledThereIsNoIndex() {
            assertThat(RoleNameIndex.of(mock(KeycloakSessionFactory.class))).isEmpty();
        }
    }
}
