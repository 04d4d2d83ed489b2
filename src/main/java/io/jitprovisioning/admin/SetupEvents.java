package io.jitprovisioning.admin;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import io.jitprovisioning.compat.IdentityProviderRepresentations;

/** The admin events of a setup, the same whether it came through the REST API or the console page. */
final class SetupEvents {

    private SetupEvents() {
    }

    /** One event per thing written: the flow when it was created, the identity provider, the mapper. */
    static void record(KeycloakSession session, RealmModel realm, AdminEventBuilder adminEvent, IdpSetup.Outcome outcome,
                       OperationType operation) {
        String alias = outcome.idp().getAlias();
        if (outcome.flow() != null && outcome.flow().created()) {
            adminEvent.clone(session).operation(OperationType.CREATE).resource(ResourceType.AUTH_FLOW)
                    .resourcePath("authentication", "flows", outcome.flow().flow().getId())
                    .representation(ModelToRepresentation.toRepresentation(session, realm, outcome.flow().flow())).success();
        }
        adminEvent.clone(session).operation(operation).resource(ResourceType.IDENTITY_PROVIDER)
                .resourcePath("identity-provider", "instances", alias)
                .representation(IdentityProviderRepresentations.of(session, realm, outcome.idp())).success();
        adminEvent.clone(session).operation(outcome.mapperCreated() ? OperationType.CREATE : OperationType.UPDATE)
                .resource(ResourceType.IDENTITY_PROVIDER_MAPPER)
                .resourcePath("identity-provider", "instances", alias, "mappers", outcome.mapper().getId())
                .representation(ModelToRepresentation.toRepresentation(outcome.mapper())).success();
    }
}
