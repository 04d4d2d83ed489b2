package io.jitprovisioning.preview;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.processing.api.saml.v2.response.SAML2Response;
import org.keycloak.saml.processing.core.saml.v2.common.SAMLDocumentHolder;
import org.w3c.dom.Document;

import io.jitprovisioning.metadata.MetadataValidator;
import io.jitprovisioning.metadata.SafeXmlParser;

/**
 * Reads a pasted SAML response into Keycloak's own model of it: base64 as an HTTP-POST form carried it (also
 * URL-encoded, or with {@code SAMLResponse=} in front, as SAML tracers show it), deflated base64 of the HTTP-Redirect
 * binding, or the XML itself. The XML goes through the metadata's hardened parser (no DOCTYPE, no external access,
 * 1 MiB, bounded depth), then Keycloak's SAML parser.
 */
final class ResponseDecoder {

    static final String CHECK = "parse";

    /** The response, or the failed check that says why there is none. */
    record Decoded(SAMLDocumentHolder holder, Check check) {
        ResponseType response() {
            return (ResponseType) holder.getSamlObject();
        }
    }

    private ResponseDecoder() {
    }

    static Decoded decode(String pasted) {
        byte[] xml = xmlBytes(pasted.strip());
        if (xml == null) {
            return failed("NOT_BASE64: the input is neither XML nor base64. Paste the SAMLResponse form field as the browser "
                    + "posted it, or the decoded XML.");
        }
        Document document;
        try {
            document = SafeXmlParser.parseUntrusted(xml);
        } catch (IllegalArgumentException refused) {
            return failed(refused.getMessage() + ": the response is not XML that may be read ("
                    + "well-formed, no DOCTYPE, at most 1 MiB).");
        }
        try {
            SAMLDocumentHolder holder = SAML2Response.getSAML2ObjectFromDocument(document);
            if (!(holder.getSamlObject() instanceof ResponseType)) {
                return failed("NOT_A_RESPONSE: the XML is a SAML message, but not a samlp:Response.");
            }
            return new Decoded(holder, Check.passed(CHECK, "a samlp:Response, read with Keycloak's SAML parser"));
        } catch (ParsingException | ProcessingException | RuntimeException e) {
            return failed("NOT_A_RESPONSE: the XML is not a SAML 2.0 samlp:Response Keycloak can read.");
        }
    }

    private static Decoded failed(String detail) {
        return new Decoded(null, Check.failed(CHECK, detail));
    }

    private static byte[] xmlBytes(String text) {
        if (text.startsWith("<")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        String value = text.startsWith("SAMLResponse=") ? text.substring("SAMLResponse=".length()) : text;
        int next = value.indexOf('&');
        value = next >= 0 ? value.substring(0, next) : value;
        if (value.indexOf('%') >= 0) {
            value = URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(value.replaceAll("\\s", ""));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        return looksLikeXml(decoded) ? decoded : inflate(decoded);
    }

    private static boolean looksLikeXml(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '<') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** The HTTP-Redirect binding deflates the XML; inflated no further than the size limit (+1 byte, to tell). */
    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            while (!inflater.finished() && out.size() <= MetadataValidator.MAX_BYTES) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            byte[] xml = out.toByteArray();
            return looksLikeXml(xml) ? xml : null;
        } catch (DataFormatException notDeflated) {
            return null;
        } finally {
            inflater.end();
        }
    }
}
