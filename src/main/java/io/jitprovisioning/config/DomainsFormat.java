package io.jitprovisioning.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Email domains, one per line, lower case; an entry that is not a domain name (an address, a wildcard) is a problem. */
final class DomainsFormat implements SettingFormat<List<String>> {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}");

    @Override
    public List<String> read(String stored, Consumer<String> problems) {
        List<String> domains = new ArrayList<>();
        for (String entry : SettingFormats.LINES.read(stored, problems)) {
            String domain = entry.toLowerCase(Locale.ROOT);
            if (DOMAIN.matcher(domain).matches()) {
                domains.add(domain);
            } else {
                problems.accept("'" + entry + "' is not an email domain such as example.com");
            }
        }
        return domains;
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
