package io.jitprovisioning.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.identity.Identifiers;

/**
 * Email domains, one per line, each in its canonical form ({@link Identifiers#domain}: IDNA ASCII, lower case). An entry that is not a domain
 * name (an address, a wildcard) is a problem, and is kept as written: it makes the setting unusable, so that a
 * sign-in is refused rather than let through by what is left (see {@link UnusableSettings}).
 */
final class DomainsFormat implements SettingFormat<List<String>> {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}");

    @Override
    public List<String> read(String stored, Consumer<String> problems) {
        Set<String> domains = new LinkedHashSet<>();
        for (String entry : SettingFormats.LINES.read(stored, problems)) {
            Optional<String> domain = Identifiers.domain(entry).filter(DomainsFormat::isDomain);
            if (domain.isEmpty()) {
                problems.accept("'" + entry + "' is not an email domain such as example.com");
            }
            domains.add(domain.orElse(entry));
        }
        return List.copyOf(domains);
    }

    /** Whether an entry is a domain name in its canonical form, as {@link #read} keeps domains. */
    static boolean isDomain(String entry) {
        return DOMAIN.matcher(entry).matches();
    }

    @Override
    public String write(List<String> value) {
        return SettingFormats.LINES.write(value);
    }

    @Override
    public List<String> readJson(JsonNode json, Consumer<String> problems) {
        List<String> lines = SettingFormats.LINES.readJson(json, problems);
        return lines == null ? null : read(String.join("\n", lines), problems);
    }

    @Override
    public Object toJson(List<String> value) {
        return value;
    }
}
