package de.ozgsdk.xoev.internal.serial;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Maps {@link OffsetDateTime} to {@code xs:dateTime} with offset ({@code basis:Zeitpunkt}); always with seconds,
 * fractions only when present, {@code Z} for UTC.
 */
public final class OffsetDateTimeAdapter extends XmlAdapter<String, OffsetDateTime> {

    @Override
    public OffsetDateTime unmarshal(String value) {
        return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    @Override
    public String marshal(OffsetDateTime value) {
        // OffsetDateTime.toString() drops ":00" seconds, which xs:dateTime requires.
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
    }
}
