package io.jitprovisioning.identity;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one canonical form in which the extension compares identifiers that decide a match: domains and email
 * addresses. A domain is compared on its IDNA ASCII form (punycode labels) in lower case, so that {@code münchen.test}
 * and {@code xn--mnchen-3ya.test} are one domain. Nothing is ever folded into an ASCII look-alike: {@code ınitech.test}
 * (dotless ı) stays {@code xn--nitech-...}, and text that only reaches an ASCII name through Unicode case folding or
 * compatibility mapping ({@code ſ}, {@code İ}, the Kelvin sign, full-width letters) has no canonical form at all, so it
 * matches nothing. {@link String#equalsIgnoreCase} folds exactly those characters, which is why it is never used here.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /**
     * The canonical form of a domain name, or empty when it is not one: empty labels (a trailing dot included),
     * characters a host name may not have, or a Unicode form that IDNA would map to another name.
     */
    public static Optional<String> domain(String raw) {
        if (raw == null || raw.isEmpty() || raw.startsWith(".") || raw.endsWith(".") || raw.contains("..")) {
            return Optional.empty();
        }
        Optional<String> lower = lowerWithoutFolding(raw);
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(lower.get(), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
        if (!isAscii(lower.get()) && !IDN.toUnicode(ascii, IDN.USE_STD3_ASCII_RULES).equals(lower.get())) {
            // IDNA's own mapping (nameprep: case folding, NFKC) changed the name: it is a look-alike of another one.
            return Optional.empty();
        }
        return Optional.of(ascii.toLowerCase(Locale.ROOT));
    }

    /** The canonical form of an email address: its local part in lower case, {@code @}, its canonical domain. */
    public static Optional<String> email(String raw) {
        int at = raw == null ? -1 : raw.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        Optional<String> local = lowerWithoutFolding(raw.substring(0, at));
        Optional<String> domain = domain(raw.substring(at + 1));
        return local.isPresent() && domain.isPresent() ? Optional.of(local.get() + "@" + domain.get()) : Optional.empty();
    }

    /** The canonical domain of an email address. */
    public static Optional<String> emailDomain(String email) {
        return email(email).map(canonical -> canonical.substring(canonical.lastIndexOf('@') + 1));
    }

    /**
     * The spellings under which Keycloak may have stored this address (it stores what it was given, lower-cased):
     * as given, and with an internationalised domain in its ASCII and its Unicode form. One form for plain ASCII.
     */
    public static List<String> emailSpellings(String email) {
        Optional<String> canonical = email(email);
        if (canonical.isEmpty()) {
            return List.of();
        }
        String local = canonical.get().substring(0, canonical.get().lastIndexOf('@') + 1);
        String ascii = canonical.get().substring(local.length());
        return Stream.of(email.toLowerCase(Locale.ROOT), local + ascii, local + IDN.toUnicode(ascii)).distinct().toList();
    }

    /** Whether two domains are the same domain; false when either has no canonical form. */
    public static boolean sameDomain(String a, String b) {
        Optional<String> first = domain(a);
        return first.isPresent() && first.equals(domain(b));
    }

    /** Whether two email addresses are the same address; false when either has no canonical form. */
    public static boolean sameEmail(String a, String b) {
        Optional<String> first = email(a);
        return first.isPresent() && first.equals(email(b));
    }

    /**
     * Lower case with {@link Locale#ROOT}, refusing text in which a character outside ASCII would lower into ASCII
     * (the Kelvin sign into {@code k}, {@code İ} into {@code i}): such text imitates an ASCII name.
     */
    static Optional<String> lowerWithoutFolding(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint > 0x7F && Character.toLowerCase(codePoint) <= 0x7F) {
                return Optional.empty();
            }
        }
        return Optional.of(text.toLowerCase(Locale.ROOT));
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c <= 0x7F);
    }
}
