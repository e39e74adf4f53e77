package de.ozgsdk.postbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TrustLevel;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostboxMessageTest {

    private static final UUID MAILBOX = UUID.fromString("5b0e4e0c-3a36-4e4b-9a40-8c6d2a3a9f01");

    private static PostboxMessage.Builder message() {
        return PostboxMessage.builder(MAILBOX)
                .sender("Stadt Musterstadt, Bürgeramt")
                .title("Ihr Bescheid")
                .plainContent("Guten Tag,\n\nIhr Bescheid liegt bei.")
                .service("Anwohnerparkausweis");
    }

    private static InvalidInputException refused(PostboxMessage.Builder builder) {
        try {
            builder.build();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("the message was accepted");
    }

    @Test
    void acceptsAMessageWithinEveryLimit() {
        PostboxMessage message = message()
                .trustLevel(TrustLevel.HIGH)
                .replyAddress("buergeramt@stadt.example")
                .senderUrl(URI.create("https://stadt.example"))
                .attachment(PostboxAttachment.of("Bescheid.pdf", Documents.pdf(PostboxMessage.MAX_ATTACHMENT_BYTES)))
                .attachment(PostboxAttachment.of("Foto.PNG", Documents.png()))
                .build();

        assertThat(message.content()).isEqualTo("<p>Guten Tag,</p><p>Ihr Bescheid liegt bei.</p>");
        assertThat(message.storkQaaLevel()).isEqualTo(4);
        assertThat(message.attachments()).extracting(PostboxMessage.Attachment::mediaType)
                .containsExactly("application/pdf", "image/png");
    }

    @Test
    void refusesASixthAttachmentNamingTheLimit() {
        PostboxMessage.Builder builder = message();
        for (int i = 0; i < 6; i++) {
            builder.attachment(PostboxAttachment.of("Anlage" + i + ".txt", Documents.text("Anlage " + i)));
        }

        InvalidInputException refused = refused(builder);

        assertThat(refused.code()).isEqualTo(PostboxError.TOO_MANY_ATTACHMENTS);
        assertThat(refused.userMessage(Locale.ENGLISH)).contains("6 attachments").contains("at most 5");
    }

    @Test
    void refusesAnAttachmentOneByteOverTwoMebibytesNamingWhichOne() {
        InvalidInputException refused = refused(message()
                .attachment(PostboxAttachment.of("klein.pdf", Documents.pdf(1000)))
                .attachment(PostboxAttachment.of("gross.pdf", Documents.pdf(PostboxMessage.MAX_ATTACHMENT_BYTES + 1))));

        assertThat(refused.code()).isEqualTo(PostboxError.ATTACHMENT_TOO_LARGE);
        assertThat(refused.userMessage(Locale.ENGLISH)).startsWith("Attachment 2 (.pdf) has more than 2097152 bytes");
    }

    @Test
    void refusesAFileTypeThePostboxDoesNotTake() {
        InvalidInputException refused = refused(message()
                .attachment(PostboxAttachment.of("Tabelle.xlsx", Documents.text("PK"))));

        assertThat(refused.code()).isEqualTo(PostboxError.ATTACHMENT_TYPE_NOT_ALLOWED);
        assertThat(refused.userMessage(Locale.ENGLISH)).contains("Attachment 1").contains("\"xlsx\"").contains("pdf");
    }

    @Test
    void refusesAnExtensionThatDoesNotMatchTheContent() {
        InvalidInputException refused = refused(message()
                .attachment(PostboxAttachment.of("Bescheid.pdf", Documents.png())));

        assertThat(refused.code()).isEqualTo(PostboxError.ATTACHMENT_CONTENT_MISMATCH);
        assertThat(refused.userMessage(Locale.ENGLISH)).contains("no pdf").contains("%PDF-");
    }

    @Test
    void refusesBinaryContentNamedAsText() {
        assertThat(refused(message().attachment(PostboxAttachment.of("notiz.txt", Documents.png()))).code())
                .isEqualTo(PostboxError.ATTACHMENT_CONTENT_MISMATCH);
    }

    @Test
    void replacesForbiddenCharactersInFileNames() {
        PostboxMessage message = message()
                .attachment(PostboxAttachment.of("a\\b/c:d*e?f\"g<h|i>j.txt", Documents.text("x")))
                .build();

        assertThat(message.attachments().get(0).filename()).isEqualTo("a_b_c_d_e_f_g_h_i_j.txt");
    }

    @Test
    void refusesTwoAttachmentsThatEndUpWithTheSameName() {
        InvalidInputException refused = refused(message()
                .attachment(PostboxAttachment.of("a:b.txt", Documents.text("1")))
                .attachment(PostboxAttachment.of("a?b.txt", Documents.text("2"))));

        assertThat(refused.code()).isEqualTo(PostboxError.ATTACHMENT_NAME_REPEATED);
    }

    @Test
    void refusesAnUnreadableAttachment() {
        InvalidInputException refused = refused(message().attachment(PostboxAttachment.of("weg.pdf", () -> {
            throw new IOException("gone");
        })));

        assertThat(refused.code()).isEqualTo(PostboxError.ATTACHMENT_UNREADABLE);
    }

    @Test
    void refusesTextsOverTheirLimitsNamingTheField() {
        assertThatThrownBy(() -> message().sender("x".repeat(256)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sender").hasMessageContaining("256").hasMessageContaining("1..255");
        assertThatThrownBy(() -> message().title("x".repeat(1025))).hasMessageContaining("title")
                .hasMessageContaining("1..1024");
        assertThatThrownBy(() -> message().service("")).hasMessageContaining("service");
        assertThatThrownBy(() -> message().reference("x".repeat(256))).hasMessageContaining("reference");
        assertThatThrownBy(() -> message().htmlContent("<script>x</script>")).hasMessageContaining("content");
    }

    @Test
    void countsTheTitleLimitAfterEscaping() {
        assertThatThrownBy(() -> message().title("&".repeat(300))).hasMessageContaining("1500");
    }

    @Test
    void refusesBadAddressesAndUrls() {
        assertThatThrownBy(() -> message().replyAddress("kein Adresse")).hasMessageContaining("replyAddress");
        assertThatThrownBy(() -> message().retrievalConfirmationAddress("a@" + "b".repeat(320) + ".de"))
                .hasMessageContaining("retrievalConfirmationAddress");
        assertThatThrownBy(() -> message().senderUrl(URI.create("http://stadt.example")))
                .hasMessageContaining("https");
    }

    @Test
    void refusesAMessageWithoutARequiredField() {
        InvalidInputException refused = refused(PostboxMessage.builder(MAILBOX).sender("Stadt").title("T")
                .plainContent("Text"));

        assertThat(refused.getMessage()).contains("service");
    }

    @Test
    void sanitisesHtmlContent() {
        PostboxMessage message = message().htmlContent("<p onclick=x>Hallo <script>evil()</script></p>").build();

        assertThat(message.content()).isEqualTo("<p>Hallo </p>");
    }

    @Test
    void showsNoPersonalDataInItsText() {
        PostboxMessage message = message().build();

        assertThat(message.toString()).doesNotContain("Bescheid").doesNotContain(MAILBOX.toString());
    }
}
