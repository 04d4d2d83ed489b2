package io.jitprovisioning.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading a pasted response, in every form a browser or a SAML tracer shows it, and refusing what is unsafe. */
class ResponseDecoderTest {

    static final String RESPONSE = """
            <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"
                ID="_r1" Version="2.0" IssueInstant="2026-12-01T10:00:00Z" Destination="https://sso.example.com/realms/acme/broker/okta/endpoint">
              <saml:Issuer>https://idp.example.com</saml:Issuer>
              <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>
              <saml:Assertion ID="_a1" Version="2.0" IssueInstant="2026-12-01T10:00:00Z">
                <saml:Issuer>https://idp.example.com</saml:Issuer>
                <saml:Subject><saml:NameID>ada</saml:NameID></saml:Subject>
                <saml:AttributeStatement>
                  <saml:Attribute Name="role"><saml:AttributeValue>Engineering</saml:AttributeValue></saml:Attribute>
                </saml:AttributeStatement>
              </saml:Assertion>
            </samlp:Response>
            """;

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Check decoded(String pasted) {
        return ResponseDecoder.decode(pasted).check();
    }

    @Test
    @DisplayName("the XML, its base64 as posted (with line breaks), URL-encoded with SAMLResponse= in front, or deflated")
    void everyFormIsRead() throws Exception {
        String base64 = base64(RESPONSE.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(RESPONSE.getBytes(StandardCharsets.UTF_8));
        }

        for (String pasted : new String[]{RESPONSE, base64, base64.replaceAll("(.{76})", "$1\n"),
                "SAMLResponse=" + URLEncoder.encode(base64, StandardCharsets.UTF_8) + "&RelayState=abc", base64(deflated.toByteArray())}) {
            ResponseDecoder.Decoded decoded = ResponseDecoder.decode(pasted);
            assertThat(decoded.check().result()).as(pasted.substring(0, 30)).isEqualTo(Check.Result.PASSED);
            assertThat(decoded.response().getAssertions()).hasSize(1);
        }
    }

    @Test
    @DisplayName("a DOCTYPE, garbage, metadata, more than 1 MiB: a failed parse check with its code, never an exception")
    void unsafeOrWrongInputFails() {
        assertThat(decoded("<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>").detail()).startsWith("DOCTYPE_FORBIDDEN");
        assertThat(decoded("this is not base64!").detail()).startsWith("NOT_BASE64");
        assertThat(decoded("<r><unclosed></r>").detail()).startsWith("NOT_WELL_FORMED");
        assertThat(decoded("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\"/>").detail())
                .startsWith("NOT_A_RESPONSE");
        assertThat(decoded("<r>" + "x".repeat(1024 * 1024) + "</r>").detail()).startsWith("TOO_LARGE");
        assertThat(decoded(base64("<r/>".getBytes(StandardCharsets.UTF_8))).failed()).isTrue();
    }
}
