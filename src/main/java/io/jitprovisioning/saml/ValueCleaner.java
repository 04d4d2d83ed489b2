package io.jitprovisioning.saml;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.keycloak.Config;
import org.keycloak.utils.EmailValidationUtil;

import io.jitprovisioning.identity.Identifiers;

/**
 * Turns text from an assertion into a value fit for a profile: no control, format (zero-width, bidi) or
 * private-use characters, single spaces, trimmed, bounded. Values that stay unfit after cleaning give null.
 */
public final class ValueCleaner {

    /** Keycloak's default user profile allows 255 characters for names and email. */
    public static final int MAX_TEXT_LENGTH = 255;
    public static final int MAX_PHONE_LENGTH = 64;

    /** Characters Keycloak's {@code person-name-prohibited-characters} validator refuses. */
    private static final Pattern PERSON_NAME_PROHIBITED = Pattern.compile("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()]");
    private static final Pattern PHONE = Pattern.compile(
            "\\+?[0-9(][0-9 ()./-]{1,40}[0-9](\\s*(x|ext\\.?)\\s*[0-9]{1,6})?", Pattern.CASE_INSENSITIVE);

    private ValueCleaner() {
    }

    /**
     * Cleaned text of at most {@code maxLength} UTF-16 units (Keycloak's length validator counts those), cut only
     * between words or characters, never inside a surrogate pair; null when nothing is left.
     */
    public static String text(String raw, int maxLength) {
        if (raw == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder(Math.min(raw.length(), maxLength));
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                pendingSpace = kept.length() > 0;
                continue;
            }
            if (isInvisible(codePoint)) {
                continue;
            }
            int needed = (pendingSpace ? 1 : 0) + Character.charCount(codePoint);
            if (kept.length() + needed > maxLength) {
                break;
            }
            if (pendingSpace) {
                kept.append(' ');
            }
            pendingSpace = false;
            kept.appendCodePoint(codePoint);
        }
        // Normalising after the invisible characters are gone: what they separated may now compose.
        String cleaned = Normalizer.normalize(kept, Normalizer.Form.NFC);
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** A first or last name that Keycloak's default user profile accepts, or null. */
    public static String personName(String raw) {
        String name = text(raw, MAX_TEXT_LENGTH);
        return name == null || PERSON_NAME_PROHIBITED.matcher(name).find() ? null : name;
    }

    public static String displayName(String raw) {
        return text(raw, MAX_TEXT_LENGTH);
    }

    /**
     * A syntactically valid email address in lower case, or null. Never cut: a cut address is another address. An
     * address without a canonical form (a look-alike such as the Kelvin sign, which lower-casing would turn into ASCII)
     * is unfit: it would be stored as, and match, the address it imitates.
     */
    public static String email(String raw) {
        String email = text(raw, Integer.MAX_VALUE);
        if (email == null || email.length() > MAX_TEXT_LENGTH || email.indexOf(' ') >= 0
                || !EmailValidationUtil.isValidEmail(email, EmailLimit.MAX_LOCAL_PART_LENGTH)
                || Identifiers.email(email).isEmpty()) {
            return null;
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** Digits with the usual separators, an optional leading + and extension; letters are refused. */
    public static String phoneNumber(String raw) {
        String phone = text(raw, MAX_PHONE_LENGTH);
        return phone == null || !PHONE.matcher(phone).matches() ? null : phone;
    }

    /** A role value as the IdP sent it, cleaned for lookup. */
    public static String roleValue(String raw) {
        return text(raw, MAX_TEXT_LENGTH);
    }

    /**
     * The values of a role or group attribute, each cleaned for lookup, in the IdP's order, each once (ignoring case),
     * at most {@code max} of them; values that clean to nothing are dropped.
     */
    public static Set<String> distinctValues(List<String> rawValues, int max) {
        Set<String> seen = new HashSet<>();
        Set<String> values = new LinkedHashSet<>();
        for (String raw : rawValues) {
            String value = roleValue(raw);
            if (value != null && seen.add(value.toLowerCase(Locale.ROOT))) {
                values.add(value);
                if (values.size() == max) {
                    break;
                }
            }
        }
        return values;
    }

    /** Keycloak's configured limit, read once: reading it per call goes through the whole config system. */
    private static final class EmailLimit {
        static final int MAX_LOCAL_PART_LENGTH = Config.scope("user-profile", "declarative-user-profile")
                .getInt(EmailValidationUtil.MAX_EMAIL_LOCAL_PART_LENGTH, EmailValidationUtil.MAX_LOCAL_PART_LENGTH);
    }

    private static boolean isInvisible(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.SURROGATE:
            case Character.UNASSIGNED:
                return true;
            default:
                return false;
        }
    }

}
