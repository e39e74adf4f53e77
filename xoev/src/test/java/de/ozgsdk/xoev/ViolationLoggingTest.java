package de.ozgsdk.xoev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.ozgsdk.xoev.meldung.Meldung;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Violation messages quote document values; the SDK's logs carry counts and codes only. */
class ViolationLoggingTest {

    private final Logger root = (Logger) LoggerFactory.getLogger("de.ozgsdk");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level before;

    @BeforeEach
    void capture() {
        before = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(before);
    }

    @Test
    void neverLogsTheValuesQuotedByViolations() {
        XoevSerializer<Meldung> serializer = Samples.meldungSerializer();
        Meldung meldung = Samples.meldung();
        String xml = new String(serializer.toBytes(meldung), StandardCharsets.UTF_8)
                .replace("<postleitzahl>50667</postleitzahl>", "<postleitzahl>Geheim_Wert</postleitzahl>");

        assertThatThrownBy(() -> serializer.read(xml.getBytes(StandardCharsets.UTF_8), "m.xml"))
                .isInstanceOfSatisfying(XoevValidationException.class,
                        e -> assertThat(e.violations().get(0).message()).contains("Geheim_Wert"));

        assertThat(appender.list).isNotEmpty()
                .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain("Geheim_Wert"));
    }
}
