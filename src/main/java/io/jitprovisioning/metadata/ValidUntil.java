package io.jitprovisioning.metadata;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The validUntil attributes that apply to an entity: its own and those of every enclosing EntitiesDescriptor. */
final class ValidUntil {
    private ValidUntil() {
    }

    static boolean passed(Element entity, Instant now) {
        for (Node node = entity; node instanceof Element element; node = node.getParentNode()) {
            Instant validUntil = parse(Dom.attribute(element, "validUntil"));
            if (validUntil != null && validUntil.isBefore(now)) {
                return true;
            }
        }
        return false;
    }

    /** An xs:dateTime; without a time zone it is read as UTC. Unreadable values are ignored (returns null). */
    static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(value);
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.from(parsed).toInstant()
                    : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
