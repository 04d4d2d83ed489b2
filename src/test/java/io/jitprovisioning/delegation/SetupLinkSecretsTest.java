package io.jitprovisioning.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Setup link secrets: 256 random bits, URL-safe, found only by their hash")
class SetupLinkSecretsTest {

    @Test
    @DisplayName("a secret is 43 URL-safe characters, and a thousand of them are all different")
    void secretsAreRandomAndUrlSafe() {
        SetupLinkSecrets secrets = new SetupLinkSecrets();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String secret = secrets.newSecret();
            assertThat(secret).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(seen.add(secret)).isTrue();
        }
    }

    @Test
    @DisplayName("the hash is SHA-256 in hex, the same for the same secret, another for one character changed")
    void hashIsStable() {
        String secret = new SetupLinkSecrets().newSecret();
        String hash = SetupLinkSecrets.hashOf(secret).orElseThrow();
        assertThat(hash).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(secret);
        assertThat(SetupLinkSecrets.hashOf(secret)).contains(hash);
        String changed = secret.substring(0, 42) + (secret.charAt(42) == 'A' ? 'B' : 'A');
        assertThat(SetupLinkSecrets.hashOf(changed)).isPresent().get().isNotEqualTo(hash);
    }

    @Test
    @DisplayName("text that is no secret of this form is not even hashed: nothing to look up")
    void otherTextIsNoSecret() {
        assertThat(SetupLinkSecrets.hashOf(null)).isEmpty();
        assertThat(SetupLinkSecrets.hashOf("")).isEmpty();
        assertThat(SetupLinkSecrets.hashOf("a".repeat(42))).isEmpty();
        assertThat(SetupLinkSecrets.hashOf("a".repeat(44))).isEmpty();
        assertThat(SetupLinkSecrets.hashOf("a".repeat(42) + "/")).isEmpty();
    }

    @Test
    @DisplayName("a link is active until it expires, and revoked from its revocation on, whatever the time")
    void status() {
        SetupLink link = new SetupLink("id", "org", 1000, 2000, "user", null);
        assertThat(link.status(1999)).isEqualTo(SetupLink.Status.ACTIVE);
        assertThat(link.status(2000)).isEqualTo(SetupLink.Status.EXPIRED);
        assertThat(new SetupLink("id", "org", 1000, 2000, "user", 1500L).status(1600)).isEqualTo(SetupLink.Status.REVOKED);
    }
}
