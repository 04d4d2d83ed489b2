package io.jitprovisioning.metadata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

/** Self-signed EC certificates made with openssl for these tests only (their private keys were thrown away). */
final class TestCertificates {
    /** CN=jit-test-idp, valid 2026-11-29T10:07:35Z to 2126-11-05T10:07:35Z. */
    static final String CURRENT = "MIIBhjCCASugAwIBAgIUfvRzb0ENFEYuY8ir/1kXhxwgdT8wCgYIKoZIzj0EAwIwFzEVMBMGA1UEAwwMaml0"
            + "LXRlc3QtaWRwMCAXDTI2MTEyOTEwMDczNVoYDzIxMjYxMTA1MTAwNzM1WjAXMRUwEwYDVQQDDAxqaXQtdGVzdC1pZHAwWTATBgcqhkjOPQ"
            + "IBBggqhkjOPQMBBwNCAARJaQ40fxPonwEgztqlLbv5KDUZkcLFzQi+FZzWMwARmRFtMmXh5cNvkvYTdxxoIcyc+f/zzzD4ZPmR04+B6ibS"
            + "o1MwUTAdBgNVHQ4EFgQUKE0AmiD0eYEkYMng5AGzxduPEA4wHwYDVR0jBBgwFoAUKE0AmiD0eYEkYMng5AGzxduPEA4wDwYDVR0TAQH/BA"
            + "UwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEAiXyITOFxoQZst2Rr/hKSN7aFE/XUIonRwTDfERGnSKICIQCs/T6adH9WF2+0dKvl3PpzwHb6"
            + "H1F2ZEMmIPPmZmItkA==";
    static final String CURRENT_SUBJECT = "CN=jit-test-idp";
    static final Instant CURRENT_NOT_AFTER = Instant.parse("2126-11-05T10:07:35Z");

    /** CN=jit-test-idp-rollover, valid 2026-11-29T10:08:46Z to 2036-11-26T10:08:46Z. */
    static final String SHORT_LIVED = "MIIBlTCCATugAwIBAgIUSRN6TsUDe2ycMhTqSlABQ92CY6wwCgYIKoZIzj0EAwIwIDEeMBwGA1UEAwwVaml"
            + "0LXRlc3QtaWRwLXJvbGxvdmVyMB4XDTI2MTEyOTEwMDg0NloXDTM2MTEyNjEwMDg0NlowIDEeMBwGA1UEAwwVaml0LXRlc3QtaWRwLXJv"
            + "bGxvdmVyMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEXL/g2eQP3A5J5FfvkSLVRflhf+TWf83Tvcm5U/fkLIBJpBam1wsHSolGocEdcp"
            + "OqviPtVjZfkXB6A/PpzfGgeqNTMFEwHQYDVR0OBBYEFNpPlOsG54y+Ld7Sdwa/VRPGR5+vMB8GA1UdIwQYMBaAFNpPlOsG54y+Ld7Sdwa/"
            + "VRPGR5+vMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAJsesQaWfA6DNPj4x370IwrmgEiv9Dx0EVXueeDsBJ+YAiAZDe"
            + "k/UXmWSxEQvx72bI29d2Kdhn7yYHKooX3baji9rQ==";

    /** Both certificates are valid. */
    static final Clock NOW = at("2030-01-01T00:00:00Z");
    /** SHORT_LIVED has expired, CURRENT is still valid. */
    static final Clock AFTER_ROLLOVER = at("2050-01-01T00:00:00Z");
    /** Both certificates have expired. */
    static final Clock FAR_FUTURE = at("2200-01-01T00:00:00Z");
    /** Neither certificate is valid yet. */
    static final Clock PAST = at("2020-01-01T00:00:00Z");

    private TestCertificates() {
    }

    static String pemFile(String base64Der) {
        StringBuilder pem = new StringBuilder("-----BEGIN CERTIFICATE-----\n");
        for (int i = 0; i < base64Der.length(); i += 64) {
            pem.append(base64Der, i, Math.min(base64Der.length(), i + 64)).append('\n');
        }
        return pem.append("-----END CERTIFICATE-----\n").toString();
    }

    /** What ruby-saml and Shibboleth samples do: base64 of a whole PEM file. */
    static String base64OfPem(String base64Der) {
        return Base64.getEncoder().encodeToString(pemFile(base64Der).getBytes(StandardCharsets.US_ASCII));
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
