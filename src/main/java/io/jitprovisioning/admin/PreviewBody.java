package io.jitprovisioning.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.jitprovisioning.preview.PreviewInput;

/** Reads a pasted SAMLResponse body without ever holding more than a preview accepts (+1 byte, to tell). */
final class PreviewBody {

    private PreviewBody() {
    }

    static String read(InputStream body) throws IOException {
        if (body == null) {
            return "";
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int limit = PreviewInput.MAX_CHARS + 1;
        int read;
        while (kept.size() < limit && (read = body.read(buffer, 0, Math.min(buffer.length, limit - kept.size()))) != -1) {
            kept.write(buffer, 0, read);
        }
        return kept.toString(StandardCharsets.UTF_8);
    }
}
