package io.jitprovisioning.delegation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A setup link's secret: 256 random bits, shown once in the link's URL, stored only as its SHA-256 hash. A hash of
 * a secret this long cannot be reversed or guessed, so no slow hash is needed, and a link is found by its hash.
 */
public final class SetupLinkSecrets {

    private static final int BYTES = 32;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();

    /** A new secret, URL-safe base64 without padding (43 characters). */
    public String newSecret() {
        byte[] secret = new byte[BYTES];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The hash a secret is stored and found as; empty for text that is no secret of this form (nothing to look up). */
    public static Optional<String> hashOf(String secret) {
        if (secret == null || !FORM.matcher(secret).matches()) {
            return Optional.empty();
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", impossible);
        }
    }
}
