package io.jitprovisioning.metadata;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Finds a DOCTYPE in the prolog without an XML parser. The parser refuses DOCTYPEs too, but its refusal is only
 * recognisable by a (localisable) message; this scan lets us name the problem precisely.
 */
final class DoctypeDetector {
    private DoctypeDetector() {
    }

    static boolean declaresDoctype(byte[] xml) {
        int bom = hasUtf8Bom(xml) ? 3 : 0;
        String text = new String(xml, bom, xml.length - bom, charsetOf(xml));
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\uFEFF' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (text.startsWith("<?", i)) {
                i = skipPast(text, "?>", i + 2);
            } else if (text.startsWith("<!--", i)) {
                i = skipPast(text, "-->", i + 4);
            } else {
                return text.startsWith("<!DOCTYPE", i);
            }
        }
        return false;
    }

    private static int skipPast(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? text.length() : at + end.length();
    }

    private static boolean hasUtf8Bom(byte[] xml) {
        return xml.length >= 3 && (xml[0] & 0xFF) == 0xEF && (xml[1] & 0xFF) == 0xBB && (xml[2] & 0xFF) == 0xBF;
    }

    // The prolog is ASCII in any ASCII-compatible encoding, so only UTF-16 needs real decoding.
    private static Charset charsetOf(byte[] xml) {
        if (xml.length >= 2) {
            int b0 = xml[0] & 0xFF;
            int b1 = xml[1] & 0xFF;
            if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0x00 && b1 == '<')) {
                return StandardCharsets.UTF_16BE;
            }
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == '<' && b1 == 0x00)) {
                return StandardCharsets.UTF_16LE;
            }
        }
        return StandardCharsets.ISO_8859_1;
    }
}
