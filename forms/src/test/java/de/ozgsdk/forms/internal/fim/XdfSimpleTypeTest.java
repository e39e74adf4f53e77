package de.ozgsdk.forms.internal.fim;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.forms.XdfVersion;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hand-written checks of the XSD simple types, without xmllint (which {@code XsdDifferentialTest} needs): the
 * edges of xs:date and xs:dateTime, the patterns written out by hand, white space per type, and the content model
 * table itself (every root and every type it names compiles).
 */
class XdfSimpleTypeTest {

    @Test
    void datesFollowTheXsdLexicalFormWithRealCalendarDays() {
        for (String valid : new String[] {"2024-01-31", "2024-02-29", "2000-02-29", "2024-01-31Z", "2024-01-31+14:00",
            "2024-01-31-05:30", "-0004-02-29", "12345-01-01"}) {
            assertThat(XsdDates.isDate(valid)).as(valid).isTrue();
        }
        for (String invalid : new String[] {"2023-02-29", "1900-02-29", "2024-04-31", "2024-1-31", "2024-01-31 ",
            " 2024-01-31", "0000-01-01", "02024-01-01", "2024-01-31+14:30", "2024-13-01", "2024-00-10",
            "2024-01-00", "2024-01-31T10:00:00", "-0001-02-29", ""}) {
            assertThat(XsdDates.isDate(invalid)).as(invalid).isFalse();
        }
    }

    @Test
    void dateTimesAllowTheEndOfTheDayAndWhiteSpaceOnlyAfterAZone() {
        for (String valid : new String[] {"2024-01-31T10:00:00", "2024-01-31T10:00:00.125+01:00",
            "2024-01-31T24:00:00", "2024-01-31T24:00:00.000", "2024-01-31T10:00:00Z ", "2024-01-31T10:00:00+01:00\n"}) {
            assertThat(XsdDates.isDateTime(valid)).as(valid).isTrue();
        }
        for (String invalid : new String[] {"2024-01-31T24:00:01", "2024-01-31T24:00:00.5", "2024-01-31T10:60:00",
            "2024-01-31T10:00", "2024-01-31T10:00:00.", "2024-01-31T10:00:00 ", " 2024-01-31T10:00:00",
            "2024-01-31 10:00:00", "2024-01-31"}) {
            assertThat(XsdDates.isDateTime(invalid)).as(invalid).isFalse();
        }
    }

    @Test
    void patternTypesAcceptExactlyTheirShape() {
        XdfSimpleType anzahl = XdfSimpleType.of("AnzahlString", XdfSimpleType.Kind.ANZAHL);
        assertThat(Set.of("0:*", "1:1", "10:100", "\u0661:\u0662")).allMatch(anzahl::accepts);
        assertThat(Set.of(" 1:1", "1:", ":1", "*:1", "1:**", "1:x", "")).noneMatch(anzahl::accepts);
        XdfSimpleType version3 = XdfSimpleType.of("VersionString", XdfSimpleType.Kind.VERSION_3);
        assertThat(Set.of("1.2.3", "10.0.0")).allMatch(version3::accepts);
        assertThat(Set.of("1.2", "1.2.3.4", "1.2.3 ", "1..3")).noneMatch(version3::accepts);
        XdfSimpleType mediaType = XdfSimpleType.of("PatternString", XdfSimpleType.Kind.MEDIA_TYPE);
        assertThat(Set.of("text/plain", "application/vnd.oasis+xml", " image/png ")).allMatch(mediaType::accepts);
        assertThat(Set.of("text", "text/", "/plain", "a/b/c", "text/plain;x")).noneMatch(mediaType::accepts);
    }

    @Test
    void builtinsCollapseWhiteSpaceWhereTheirTypeSaysSo() {
        XdfSimpleType positive = XdfSimpleType.builtin("xs.positiveInteger");
        assertThat(Set.of("1", "+5", " 7 ")).allMatch(positive::accepts);
        assertThat(Set.of("0", "-1", "x", "")).noneMatch(positive::accepts);
        XdfSimpleType bool = XdfSimpleType.builtin("xs.boolean");
        assertThat(Set.of("true", " false ", "1", "0")).allMatch(bool::accepts);
        assertThat(Set.of("yes", "TRUE")).noneMatch(bool::accepts);
        XdfSimpleType feldart = XdfSimpleType.enumeration("Feldart", Set.of("input", "select"));
        assertThat(Set.of("input", " select\n")).allMatch(feldart::accepts);
        assertThat(Set.of("Input", "in put", "")).noneMatch(feldart::accepts);
        assertThat(XdfSimpleType.builtin("xs.anyURI").acceptsAttribute(" urn:a ", "urn:a")).isTrue();
        assertThat(XdfSimpleType.builtin("xs.normalizedString").acceptsAttribute(" 1.0", "1.0")).isFalse();
    }

    @Test
    void theTableOfBothVersionsCompilesWithAllMessages() {
        assertThat(XdfContentModel.of(XdfVersion.XDF2).roots).containsOnlyKeys("xdatenfelder.dokumentsteckbrief.0101",
                "xdatenfelder.stammdatenschema.0102", "xdatenfelder.datenfeldgruppe.0103",
                "xdatenfelder.datenfeld.0104", "xdatenfelder.codeliste.0105");
        assertThat(XdfContentModel.of(XdfVersion.XDF3).roots).hasSize(6)
                .containsKey("xdatenfelder.uebersetzung.0106");
    }
}
