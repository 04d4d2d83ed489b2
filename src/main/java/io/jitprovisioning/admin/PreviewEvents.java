package io.jitprovisioning.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.UserPermissionEvaluator;

import io.jitprovisioning.preview.AccountViews;
import io.jitprovisioning.preview.Check;
import io.jitprovisioning.preview.JitPreview;
import io.jitprovisioning.preview.PreviewInput;
import io.jitprovisioning.preview.PreviewReport;

/**
 * Runs a preview for an administrator and records it as one admin event ({@code ACTION} on the identity provider,
 * path {@code identity-provider/instances/{alias}/jit-preview}), the same from the REST API and the console page. The
 * event says what kind of input was previewed and what came of it; never the assertion, an attribute value or the
 * account.
 */
final class PreviewEvents {

    static final String PATH = "jit-preview";

    private PreviewEvents() {
    }

    static PreviewReport run(KeycloakSession session, RealmModel realm, IdentityProviderModel idp, PreviewInput input,
                             UserPermissionEvaluator users, AdminEventBuilder adminEvent) {
        PreviewReport report = new JitPreview(session, realm, idp, AccountViews.of(users)).run(input);
        adminEvent.clone(session).operation(OperationType.ACTION).resource(ResourceType.IDENTITY_PROVIDER)
                .resourcePath("identity-provider", "instances", idp.getAlias(), PATH)
                .representation(summary(report)).success();
        return report;
    }

    /** What a preview's admin event says: the kind of input and what came of it, never the input. */
    static Map<String, Object> summary(PreviewReport report) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("input", report.input());
        summary.put("outcome", report.decision().outcome());
        summary.put("code", report.decision().code());
        summary.put("rule", report.decision().rule());
        Map<String, String> checks = new LinkedHashMap<>();
        for (Check check : report.checks()) {
            checks.put(check.check(), check.result().json());
        }
        summary.put("checks", checks);
        return summary;
    }
}
