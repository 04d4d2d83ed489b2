package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.compat.KeycloakCompatibility;
import io.jitprovisioning.testsupport.SharedKeycloak;

/**
 * The release under test is the one asked for ({@code -Dkc.it.dist.version}, see compat/run), and the extension
 * started on it: a run that silently used another distribution would prove nothing about this one.
 */
@DisplayName("The Keycloak release under test")
class CompatibilityIT {

    @Test
    @DisplayName("is the distribution asked for, within the supported range, and the extension reports that range")
    void releaseUnderTest() {
        JsonNode serverInfo = SharedKeycloak.admin().serverInfo();
        String version = serverInfo.get("systemInfo").get("version").asText();

        assertThat(version).isEqualTo(System.getProperty("kc.it.dist.version"));
        assertThat(KeycloakCompatibility.judge(version)).isEqualTo(KeycloakCompatibility.Verdict.SUPPORTED);
        assertThat(serverInfo.get("providers").get("identity-provider-mapper").get("providers").get("jit-provisioning-idp-mapper")
                .get("operationalInfo").get("Supported Keycloak").asText()).isEqualTo(KeycloakCompatibility.SUPPORTED_RANGE);
    }
}
