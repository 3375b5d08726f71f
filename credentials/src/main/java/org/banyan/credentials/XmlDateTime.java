package org.banyan.credentials;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The XML Schema {@code dateTimeStamp} values that VC 2.0 ({@code validFrom}, {@code validUntil}) and
 * Data Integrity ({@code created}, {@code expires}) require: a date, a time and a mandatory zone.
 *
 * <p>Only four-digit years are accepted; a credential dated outside years 0000–9999 is treated as
 * malformed rather than parsed by a second, rarely exercised code path.
 */
public final class XmlDateTime {

    private static final Pattern DATE_TIME_STAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private XmlDateTime() {
    }

    /** The instant of a {@code dateTimeStamp}, or empty if the text is not one. */
    public static Optional<Instant> parse(final String text) {
        if (!DATE_TIME_STAMP.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The form this module writes: UTC, whole seconds, {@code 2023-02-24T23:36:38Z}. */
    public static String format(final Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
