package io.jitprovisioning.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import io.jitprovisioning.metadata.MetadataValidator;

/** Reads an uploaded metadata file without ever holding more than the validator accepts (+1 byte to tell). */
final class MetadataUpload {

    private MetadataUpload() {
    }

    static byte[] read(InputStream body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int limit = MetadataValidator.MAX_BYTES + 1;
        int read;
        while (kept.size() < limit && (read = body.read(buffer, 0, Math.min(buffer.length, limit - kept.size()))) != -1) {
            kept.write(buffer, 0, read);
        }
        return Arrays.copyOf(kept.toByteArray(), kept.size());
    }
}
