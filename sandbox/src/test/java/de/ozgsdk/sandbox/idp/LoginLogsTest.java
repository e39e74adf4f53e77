package de.ozgsdk.sandbox.idp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.ozgsdk.auth.Citizen;
import de.ozgsdk.core.TrustLevel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A full login, refused logins included, leaves no personal data in the log of the SP, the mock and Santuario. */
class LoginLogsTest {

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<Logger> verbose = new ArrayList<>();
    private Level rootLevel;
    private ServicekontoIdpMock idp;

    @BeforeEach
    void captureEverything() {
        log.start();
        root.addAppender(log);
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
        for (String name : List.of("de.ozgsdk", "org.apache.xml.security")) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            logger.setLevel(Level.DEBUG);
            verbose.add(logger);
        }
    }

    @AfterEach
    void restore() {
        root.detachAppender(log);
        root.setLevel(rootLevel);
        verbose.forEach(logger -> logger.setLevel(null));
        if (idp != null) {
            idp.close();
        }
    }

    @Test
    void aFullLoginLogsNoPersonalData() throws Exception {
        idp = ServicekontoIdpMock.builder().start();
        Portal portal = Portal.against(idp);

        Citizen erika = portal.login("erika-eid", TrustLevel.HIGH).citizen().orElseThrow();
        idp.faults().add(ServicekontoIdpMock.fault(ServicekontoIdpMock.Error.TAMPERED_ASSERTION).once());
        portal.login("erika-eid", TrustLevel.HIGH);
        portal.login("lena-benutzername", TrustLevel.HIGH);
        portal.login("temporaer-eid", TrustLevel.HIGH);
        LoggerFactory.getLogger(LoginLogsTest.class).info("logged in: {}", erika);

        List<String> lines = log.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
        assertThat(lines).as("the log must show the logins happened").anyMatch(line -> line.contains("accepted"));
        List<String> personal = new ArrayList<>(List.of(erika.subjectKey(), "b980f78d-f5e0-45d9-8971-cc0e27f0beaf",
                "MALLORY", "Lena", "Beispiel", "JONAS", "PROBE", "1990-05-17"));
        idp.personas().get(0).attributes().forEach(attribute -> personal.add(attribute.value()));
        personal.removeIf(value -> value.length() < 3);
        for (String line : lines) {
            assertThat(line).doesNotContain(personal.toArray(String[]::new));
        }
    }
}
