package de.ozgsdk.postbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notice against a real SMTP server on loopback (GreenMail). */
class EmailNoticeTest {

    private static final String CITIZEN = "erika.mustermann@example.org";

    private GreenMail smtp;
    private EmailNotice notice;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        notice = EmailNotice.builder("127.0.0.1", smtp.getSmtp().getPort())
                .from("postfach@stadt.example")
                .startTls(false) // GreenMail on loopback speaks plain SMTP
                .postboxUrl(URI.create("https://portal.stadt.example/postfach"))
                .build();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void deliversTheNoticeToTheCitizen() throws Exception {
        notice.send(CITIZEN, Locale.GERMAN);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo(CITIZEN);
        assertThat(received[0].getSubject()).isEqualTo("Neue Nachricht in Ihrem Postfach");
        assertThat(GreenMailUtil.getBody(received[0])).contains("https://portal.stadt.example/postfach");
    }

    @Test
    void holdsNoPersonalDataButTheAddressItGoesTo() throws Exception {
        notice.send(CITIZEN, Locale.ENGLISH);

        String mail = GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[0]);
        String withoutRecipient = mail.replace("To: " + CITIZEN, "");
        assertThat(withoutRecipient).doesNotContainIgnoringCase("erika").doesNotContainIgnoringCase("mustermann")
                .doesNotContain("example.org");
        assertThat(mail).contains("New message in your postbox");
    }

    @Test
    void refusesAnInvalidAddressWithoutEchoingIt() {
        assertThatThrownBy(() -> notice.send("erika mustermann", Locale.GERMAN))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageNotContaining("mustermann");
    }

    @Test
    void reportsAnUnreachableServerAsRetryableWithoutTheAddress() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        EmailNotice unreachable = EmailNotice.builder("127.0.0.1", closedPort).from("postfach@stadt.example")
                .startTls(false).build();

        assertThatThrownBy(() -> unreachable.send(CITIZEN, Locale.GERMAN))
                .isInstanceOfSatisfying(RemoteSystemException.class, e -> {
                    assertThat(e.code()).isEqualTo(PostboxError.NOTICE_FAILED);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("mustermann");
                });
    }
}
