package de.ozgsdk.xoev.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.CoreError;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.LeikaKey;
import de.ozgsdk.core.RegionalKey;
import de.ozgsdk.xoev.XoevError;
import de.ozgsdk.xoev.types.Behoerde;
import de.ozgsdk.xoev.types.Behoerdenkennung;
import de.ozgsdk.xoev.types.Code;
import de.ozgsdk.xoev.types.Codeliste;
import de.ozgsdk.xoev.types.Nachrichtenkopf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The common case needs only sender, recipient, metadata and Fachdaten; header codes are checked against lists. */
class ApplicationMessageBuilderTest {

    private static final Behoerde PORTAL = Behoerde.dvdv("ozg-portal");
    private static final Behoerde KOELN = Behoerde.dvdv("05315000").withName("Stadt Köln");
    private static final Instant NOW = Instant.parse("2026-12-07T13:00:00Z");

    private static ApplicationMessage.Builder common() {
        return ApplicationMessage.builder().sender(PORTAL).recipient(KOELN)
                .metadata(MessageSamples.minimalMetadata()).fachdaten(MessageSamples.fachdaten());
    }

    private static Nachrichtenkopf.Builder header(Code nachrichtentyp) {
        return MessageSamples.header().toBuilder().nachrichtentyp(nachrichtentyp);
    }

    private static InvalidInputException refusal(ThrowingCallable call) {
        try {
            call.call();
        } catch (InvalidInputException e) {
            return e;
        } catch (Throwable e) {
            throw new AssertionError("expected an InvalidInputException, got " + e, e);
        }
        throw new AssertionError("the call was accepted");
    }

    @Test
    void metadataTakesLeikaKeyAndTenantAsTextAndRefusesMalformedOnesWithTheCoreCodes() {
        ApplicationMetadata fromText = MessageSamples.minimalMetadata().toBuilder()
                .leikaKey("99123456760000").tenant("053150000000").build();

        assertThat(fromText).isEqualTo(MessageSamples.minimalMetadata());
        assertThatThrownBy(() -> ApplicationMetadata.builder().leikaKey("4711"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(CoreError.LEIKA_KEY_INVALID));
        assertThatThrownBy(() -> ApplicationMetadata.builder().tenant("05315"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.code()).isEqualTo(CoreError.REGIONAL_KEY_INVALID));
    }

    @Test
    void makesTheHeaderFromSenderAndRecipientWithTheSdkDefaults() {
        ApplicationMessage message = common().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

        Nachrichtenkopf kopf = message.header();
        assertThat(kopf.nachrichtentyp()).isEqualTo(ApplicationMessage.NACHRICHTENTYP);
        assertThat(kopf.nachrichtentyp().code()).isEqualTo("antrag.einreichung.0001");
        assertThat(kopf.nachrichtentyp().listUri()).isEqualTo("urn:ozgsdk:codeliste:nachrichtentyp");
        assertThat(kopf.nachrichtentyp().listVersionId()).isEqualTo("1.0");
        assertThat(kopf.erstellungszeitpunkt()).isEqualTo(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
        assertThat(kopf.autor()).isEqualTo(PORTAL);
        assertThat(kopf.leser()).isEqualTo(KOELN);
        assertThat(kopf.leser().behoerdenkennung().praefix().listUri())
                .isEqualTo("urn:ozgsdk:codeliste:behoerdenkennung.praefix");
        assertThat(kopf.produkt()).contains(ApplicationMessage.PRODUKT);
        assertThat(common().build().header().nachrichtenUUID()).isNotEqualTo(kopf.nachrichtenUUID());
    }

    @Test
    void writesAndReadsBackTheMessageWithTheDefaultHeader() {
        ApplicationMessage message = common().build();

        ReceivedApplication read = ApplicationMessageReader.create()
                .read(new ByteArrayInputStream(MessageSamples.write(message)), "default.xml");

        assertThat(read.header()).isEqualTo(message.header());
    }

    @Test
    void refusesAMessageTypeTheSdkListLacksNamingFieldValueListAndAllowedCodes() {
        Code quatsch = Code.of("quatsch", "urn:ozgsdk:codeliste:nachrichtentyp", "1.0");

        InvalidInputException e = refusal(() -> header(quatsch).build());

        assertThat(e.code()).isEqualTo(XoevError.CODE_NOT_IN_LIST);
        assertThat(e.arguments()).containsExactly("nachrichtentyp", "Nachrichtenkopf", "quatsch",
                "urn:ozgsdk:codeliste:nachrichtentyp", "1.0", "antrag.einreichung.0001");
        assertThat(e.userMessage(Locale.GERMAN)).contains("quatsch", "urn:ozgsdk:codeliste:nachrichtentyp",
                "Erlaubt sind: antrag.einreichung.0001");
        assertThat(e.userMessage(Locale.ENGLISH)).contains("Allowed are: antrag.einreichung.0001");
    }

    @Test
    void refusesTheOldDocumentedMessageTypeCode() {
        Code old = Code.of("antrag.0001", "urn:ozgsdk:codeliste:nachrichtentyp", "1.0");

        assertThat(refusal(() -> header(old).build()).code()).isEqualTo(XoevError.CODE_NOT_IN_LIST);
    }

    @Test
    void refusesACodeOfAListNobodyDeclared() {
        Code quatsch = Code.of("quatsch", "urn:foo", "1");

        InvalidInputException e = refusal(() -> header(quatsch).build());

        assertThat(e.code()).isEqualTo(XoevError.CODE_LIST_UNKNOWN);
        assertThat(e.arguments()).containsExactly("nachrichtentyp", "Nachrichtenkopf", "urn:foo", "1",
                "urn:ozgsdk:codeliste:nachrichtentyp 1.0");
        assertThat(e.getMessage()).contains("Nachrichtenkopf.Builder.codeliste");
    }

    @Test
    void refusesAnotherVersionOfTheSdkListAsAnUnknownList() {
        Code otherVersion = Code.of("antrag.einreichung.0001", "urn:ozgsdk:codeliste:nachrichtentyp", "2.0");

        assertThat(refusal(() -> header(otherVersion).build()).code()).isEqualTo(XoevError.CODE_LIST_UNKNOWN);
    }

    @Test
    void acceptsACodeOfAListDeclaredAsTheCallersOwnAndStillChecksIt() {
        Codeliste land = Codeliste.of("urn:de:example:codeliste:nachrichtentyp", "2.0", List.of("bauantrag.0001"));

        Nachrichtenkopf kopf = header(land.code("bauantrag.0001")).codeliste(land).build();
        InvalidInputException e = refusal(() -> header(Code.of("quatsch", land.listUri(), "2.0")).codeliste(land)
                .build());

        assertThat(kopf.toBuilder().build()).isEqualTo(kopf);
        assertThat(MessageSamples.write(MessageSamples.message().header(kopf).build())).isNotEmpty();
        assertThat(e.code()).isEqualTo(XoevError.CODE_NOT_IN_LIST);
        assertThat(e.arguments().get(5)).isEqualTo("bauantrag.0001");
    }

    /** The example of the Codeliste Javadoc and MESSAGE.md, as written there. */
    @Test
    void aHeaderWithTheCallersOwnMessageTypeIsWritten() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Codeliste land = Codeliste.of("urn:de:example:codeliste:nachrichtentyp", "2.0", List.of("bauantrag.0001"));
        Nachrichtenkopf kopf = Nachrichtenkopf.builder()
                .codeliste(land)
                .nachrichtenUUID(UUID.randomUUID())
                .nachrichtentyp(land.code("bauantrag.0001"))
                .erstellungszeitpunkt(OffsetDateTime.now(clock))
                .autor(Behoerde.dvdv("ozg-portal"))
                .leser(Behoerde.dvdv("05315000"))
                .build();
        ApplicationMessage message = ApplicationMessage.builder().header(kopf)
                .metadata(MessageSamples.minimalMetadata()).fachdaten(MessageSamples.fachdaten()).build();

        assertThat(MessageSamples.text(MessageSamples.write(message)))
                .contains("<code>bauantrag.0001</code>", "listURI=\"urn:de:example:codeliste:nachrichtentyp\"");
    }

    @Test
    void aDeclaredListCannotWidenTheSdkList() {
        Codeliste widened = Codeliste.of("urn:ozgsdk:codeliste:nachrichtentyp", "1.0", List.of("quatsch"));

        assertThat(refusal(() -> header(widened.code("quatsch")).codeliste(widened).build()).code())
                .isEqualTo(XoevError.CODE_NOT_IN_LIST);
    }

    @Test
    void refusesAPraefixOfTheReaderTheSdkListLacks() {
        Code ags = Code.of("ags", Codeliste.BEHOERDENKENNUNG_PRAEFIX.listUri(), "1.0");

        InvalidInputException e = refusal(() -> MessageSamples.header().toBuilder()
                .leser(Behoerde.of(Behoerdenkennung.of(ags, "053150000000"))).build());

        assertThat(e.code()).isEqualTo(XoevError.CODE_NOT_IN_LIST);
        assertThat(e.arguments()).startsWith("leser.behoerdenkennung.praefix", "Nachrichtenkopf", "ags");
        assertThat(refusal(() -> common().recipient(Behoerde.of(Behoerdenkennung.of(ags, "1"))).build()).code())
                .isEqualTo(XoevError.CODE_NOT_IN_LIST);
    }

    @Test
    void theListGivesOnlyItsOwnCodes() {
        assertThat(Codeliste.NACHRICHTENTYP.code("antrag.einreichung.0001")).isEqualTo(ApplicationMessage.NACHRICHTENTYP);
        assertThat(refusal(() -> Codeliste.NACHRICHTENTYP.code("quatsch")).code())
                .isEqualTo(XoevError.CODE_NOT_IN_LIST);
        assertThat(refusal(() -> Codeliste.of("urn:x", "1", List.of())).code()).isEqualTo(XoevError.VALUE_MALFORMED);
    }

    @Test
    void refusesAWholeHeaderTogetherWithSenderOrRecipient() {
        InvalidInputException e = refusal(() -> common().header(MessageSamples.header()).build());

        assertThat(e.code()).isEqualTo(MessageError.HEADER_GIVEN_TWICE);
        assertThat(e.userMessage(Locale.GERMAN)).contains("entweder");
    }

    @Test
    void keepsFullControlThroughAWholeHeader() {
        ApplicationMessage message = MessageSamples.message().build();

        assertThat(message.header()).isEqualTo(MessageSamples.header());
    }

    @Test
    void reportsAMissingPartOfTheMessageWithACode() {
        assertMissing(() -> ApplicationMessage.builder().recipient(KOELN)
                .metadata(MessageSamples.minimalMetadata()).fachdaten(MessageSamples.fachdaten()).build(),
                "sender", "ApplicationMessage");
        assertMissing(() -> ApplicationMessage.builder().sender(PORTAL).recipient(KOELN)
                .fachdaten(MessageSamples.fachdaten()).build(), "metadata", "ApplicationMessage");
        assertMissing(() -> ApplicationMessage.builder().header(MessageSamples.header())
                .metadata(MessageSamples.minimalMetadata()).build(), "fachdaten", "ApplicationMessage");
        assertMissing(() -> ApplicationMessage.builder().sender(null), "sender", "ApplicationMessage");
    }

    @Test
    void reportsAMissingPartOfTheMetadataWithACode() {
        InvalidInputException e = refusal(() -> ApplicationMetadata.builder()
                .leikaKey(LeikaKey.parse("99123456760000")).tenant(RegionalKey.parse("053150000000"))
                .service("wohnsitz-anmeldung", "2.1.0").submissionId(UUID.randomUUID()).submittedAt(NOW).build());

        assertThat(e.code()).isEqualTo(XoevError.VALUE_MISSING);
        assertThat(e.arguments()).containsExactly("trustLevel", "ApplicationMetadata");
        assertThat(e.userMessage(Locale.GERMAN)).isEqualTo(
                "Die Angabe \"trustLevel\" fehlt. Sie ist für ApplicationMetadata erforderlich.");
        assertMissing(() -> ApplicationMetadata.builder().payment(null), "payment", "ApplicationMetadata");
    }

    @Test
    void reportsMalformedValuesOfMetadataPaymentAndAttachmentsWithACode() {
        assertMalformed(() -> ApplicationMetadata.builder().service(" a", "1"), "serviceId", "ApplicationMetadata");
        assertMalformed(() -> ApplicationMetadata.builder().postboxReference("a\nb"), "postboxReference",
                "ApplicationMetadata");
        assertMalformed(() -> ApplicationMetadata.builder().timestampToken(new byte[0]), "timestampToken",
                "ApplicationMetadata");
        assertMalformed(() -> new Payment("", MessageSamples.BEZAHLT), "kassenzeichen", "Payment");
        assertMissing(() -> new Payment("5.0123", null), "status", "Payment");
        assertMalformed(() -> AttachmentSource.of("a.pdf", "pdf", InputStream::nullInputStream), "mediaType",
                "AttachmentSource");
        assertMalformed(() -> AttachmentSource.referenced("a.pdf", "application/pdf", URI.create("cid:a"), 1,
                "ABC"), "sha256", "AttachmentSource");
        assertMissing(() -> AttachmentSource.of("a.pdf", "application/pdf", null), "content", "AttachmentSource");
    }

    @Test
    void messageDocumentationNamesTheCodesOfTheConstants() throws IOException {
        String doc = Files.readString(Path.of("MESSAGE.md"), StandardCharsets.UTF_8);

        assertThat(doc).contains("listURI=\"" + ApplicationMessage.NACHRICHTENTYP.listUri() + "\" listVersionID=\""
                        + ApplicationMessage.NACHRICHTENTYP.listVersionId() + "\"",
                "<code>" + ApplicationMessage.NACHRICHTENTYP.code() + "</code>",
                "listURI=\"" + Codeliste.BEHOERDENKENNUNG_PRAEFIX.listUri() + "\"")
                .doesNotContain("antrag.0001<", "urn:de:xoev:codeliste");
    }

    @Test
    void readerSettingsThatCannotWorkAreConfigurationMistakesWithACode() {
        assertThatThrownBy(() -> ApplicationMessageReader.builder().maxMessageBytes(0))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(XoevError.SETTING_INVALID);
                    assertThat(e.arguments()).containsExactly("ApplicationMessageReader", "maxMessageBytes",
                            "at least 1");
                });
        assertThatThrownBy(() -> ApplicationMessageReader.builder().spoolDirectory(Path.of("/nonexistent/spool")))
                .isInstanceOf(ConfigurationException.class);
    }

    private static void assertMissing(ThrowingCallable call, String argument, String owner) {
        InvalidInputException e = refusal(call);
        assertThat(e.code()).isEqualTo(XoevError.VALUE_MISSING);
        assertThat(e.arguments()).containsExactly(argument, owner);
    }

    private static void assertMalformed(ThrowingCallable call, String argument, String owner) {
        InvalidInputException e = refusal(call);
        assertThat(e.code()).isEqualTo(XoevError.VALUE_MALFORMED);
        assertThat(e.arguments()).startsWith(argument, owner);
    }

    @Test
    void theBuilderRefusesNullAsCodedInputErrorNotAsNullPointer() {
        assertThatThrownBy(() -> ApplicationMessage.builder().addAttachment(null))
                .isInstanceOf(InvalidInputException.class);
    }
}
