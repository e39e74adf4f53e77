package de.ozgsdk.portal.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.ElementMetadata;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FieldKind;
import de.ozgsdk.forms.FimId;
import de.ozgsdk.forms.Precision;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.runtime.ApplicationRef;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UploadsTest {

    private static final TenantId KOELN = TenantId.parse("053150000000");
    private static final String PATH = "F99200000001";

    private final Database database = Database.h2InMemory("uploads_" + UUID.randomUUID().toString()
            .replace("-", "").substring(0, 12));
    private final Sealer sealer = Sealer.builder().key("uploads", new byte[32]).build();
    private final EicarScanner scanner = new EicarScanner();
    private final Uploads uploads = Uploads.builder(database, sealer, scanner).build();
    private final ApplicationRef ref = new ApplicationRef(UUID.randomUUID(), DraftOwner.of(KOELN, "a:owner-1"));

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void acceptsACleanPdfAndGivesBackTheSameBytes() throws IOException {
        byte[] pdf = Documents.pdf();

        StoredDocument stored = receive(vollmacht(), "Vollmacht.pdf", pdf);

        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(pdf.length);
        assertThat(stored.sha512()).isEqualTo(sha512(pdf));
        assertThat(stored.scanned()).isTrue();
        assertThat(uploads.list(ref)).containsExactly(stored);
        try (InputStream in = uploads.open(ref, stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void storesNothingInThePlain() throws Exception {
        byte[] text = ("%PDF-1.4 " + "Erika Mustermann ".repeat(20)).getBytes(StandardCharsets.US_ASCII);
        Uploads anyType = Uploads.builder(database, sealer, scanner).build();
        assertThatThrownBy(() -> anyType.receive(ref, PATH, vollmacht(), false, "Erika.pdf",
                new ByteArrayInputStream(text))).isInstanceOf(InvalidInputException.class);
        receive(vollmacht(), "Ausweis_Erika_Mustermann.pdf", Documents.pdf());

        try (Connection connection = database.dataSource().getConnection(); Statement statement =
                connection.createStatement(); ResultSet rows = statement.executeQuery(
                        "SELECT content FROM ozg_upload_chunk UNION ALL SELECT meta FROM ozg_upload")) {
            while (rows.next()) {
                String raw = new String(rows.getBytes(1), StandardCharsets.ISO_8859_1);
                assertThat(raw).doesNotContain("Erika").doesNotContain("%PDF");
            }
        }
    }

    @Test
    void refusesAPdfRenamedToPng() {
        assertRefused(() -> receive(vollmacht(), "Vollmacht.png", Documents.pdf()),
                PortalError.UPLOAD_EXTENSION_MISMATCH);
    }

    @Test
    void refusesATypeTheFieldDoesNotAllowWhateverItsName() {
        Field pdfOnly = field(Precision.builder().mediaTypes(List.of("application/pdf")).build());

        assertRefused(() -> receive(pdfOnly, "Scan.pdf", Documents.png(100)), PortalError.UPLOAD_TYPE_NOT_ALLOWED);
    }

    @Test
    void refusesAFileOverTheFieldsMaxSize() {
        Field small = field(Precision.builder().maxSize(1000).build());

        assertRefused(() -> receive(small, "Scan.png", Documents.png(1000)), PortalError.UPLOAD_TOO_LARGE);
    }

    @Test
    void refusesAFileOverThePortalsLimitPerFile() {
        Uploads strict = Uploads.builder(database, sealer, scanner)
                .limits(UploadLimits.builder().maxFileBytes(500).build()).build();

        assertRefused(() -> strict.receive(ref, PATH, vollmacht(), false, "Scan.png",
                new ByteArrayInputStream(Documents.png(500))), PortalError.UPLOAD_TOO_LARGE);
    }

    @Test
    void refusesAnEmptyFile() {
        assertRefused(() -> receive(vollmacht(), "leer.pdf", new byte[0]), PortalError.UPLOAD_EMPTY);
    }

    @Test
    void refusesAnEncryptedPdf() {
        assertRefused(() -> receive(vollmacht(), "geheim.pdf", Documents.encryptedPdf()),
                PortalError.UPLOAD_PDF_ENCRYPTED);
    }

    @Test
    void refusesADamagedPdf() {
        assertRefused(() -> receive(vollmacht(), "kaputt.pdf", Documents.brokenPdf()),
                PortalError.UPLOAD_PDF_MALFORMED);
    }

    @Test
    void refusesMalwareAndStoresNothing() throws Exception {
        OzgException refusal = assertRefused(() -> receive(anyType(), "eicar.com", Documents.eicar()),
                PortalError.UPLOAD_INFECTED);

        assertThat(refusal.userMessage(Locale.GERMAN)).contains("Schadsoftware").contains("nicht gespeichert");
        assertThat(rowCount("ozg_upload")).isZero();
        assertThat(rowCount("ozg_upload_chunk")).isZero();
    }

    @Test
    void refusesWithTryAgainLaterWhenTheScannerIsUnreachable() throws Exception {
        scanner.reachable(false);

        OzgException refusal = assertRefused(() -> receive(vollmacht(), "Vollmacht.pdf", Documents.pdf()),
                PortalError.UPLOAD_SCANNER_UNAVAILABLE);

        assertThat(refusal).isInstanceOf(RemoteSystemException.class);
        assertThat(refusal.userMessage(Locale.ENGLISH)).contains("Try again");
        assertThat(rowCount("ozg_upload")).isZero();
    }

    @Test
    void acceptsUnscannedOnlyWhenAllowedAndScansAgainBeforeSubmit() {
        Uploads lenient = Uploads.builder(database, sealer, scanner)
                .limits(UploadLimits.builder().acceptUnscanned(true).build()).build();
        scanner.reachable(false);
        StoredDocument stored = lenient.receive(ref, PATH, vollmacht(), false, "Vollmacht.pdf",
                new ByteArrayInputStream(Documents.pdf()));
        assertThat(stored.scanned()).isFalse();
        assertThatThrownBy(() -> lenient.requireScanned(ref)).isInstanceOf(ConflictException.class);

        scanner.reachable(true);
        assertThat(lenient.rescanUnscanned()).isZero();

        assertThat(lenient.list(ref)).singleElement().satisfies(d -> assertThat(d.scanned()).isTrue());
        lenient.requireScanned(ref);
    }

    @Test
    void theRescanErasesADocumentFoundInfected() {
        Uploads lenient = Uploads.builder(database, sealer, scanner)
                .limits(UploadLimits.builder().acceptUnscanned(true).defaultMediaTypes(List.of("text/plain"))
                        .build()).build();
        scanner.reachable(false);
        lenient.receive(ref, PATH, anyType(), false, "eicar.txt", new ByteArrayInputStream(Documents.eicar()));
        scanner.reachable(true);

        assertThat(lenient.rescanUnscanned()).isEqualTo(1);

        assertThat(lenient.list(ref)).isEmpty();
    }

    @Test
    void anotherOwnerOrTenantFindsNothing() {
        StoredDocument stored = receive(vollmacht(), "Vollmacht.pdf", Documents.pdf());
        ApplicationRef stranger = new ApplicationRef(ref.id(), DraftOwner.of(KOELN, "a:owner-2"));
        ApplicationRef otherTenant = new ApplicationRef(ref.id(), DraftOwner.of(TenantId.parse("053140000000"),
                "a:owner-1"));

        assertThat(uploads.list(stranger)).isEmpty();
        assertThat(uploads.list(otherTenant)).isEmpty();
        assertThatThrownBy(() -> uploads.open(stranger, stored.id())).isInstanceOf(NotFoundException.class);
        assertThat(uploads.remove(otherTenant, stored.id())).isFalse();
        assertThat(uploads.list(ref)).hasSize(1);
    }

    @Test
    void aNewDocumentReplacesTheOneInANonRepeatableField() {
        receive(vollmacht(), "alt.pdf", Documents.pdf());

        StoredDocument replacement = receive(vollmacht(), "neu.pdf", Documents.pdf());

        assertThat(uploads.list(ref)).containsExactly(replacement);
    }

    @Test
    void limitsTheDocumentsPerFieldAndPerApplication() {
        Uploads strict = Uploads.builder(database, sealer, scanner)
                .limits(UploadLimits.builder().maxFilesPerField(2).maxFilesPerApplication(3).build()).build();
        for (int i = 0; i < 2; i++) {
            strict.receive(ref, "F1", vollmacht(), true, "a" + i + ".pdf", new ByteArrayInputStream(Documents.pdf()));
        }
        assertRefused(() -> strict.receive(ref, "F1", vollmacht(), true, "c.pdf",
                new ByteArrayInputStream(Documents.pdf())), PortalError.UPLOAD_TOO_MANY_IN_FIELD);
        strict.receive(ref, "F2", vollmacht(), true, "d.pdf", new ByteArrayInputStream(Documents.pdf()));

        assertRefused(() -> strict.receive(ref, "F3", vollmacht(), true, "e.pdf",
                new ByteArrayInputStream(Documents.pdf())), PortalError.UPLOAD_TOO_MANY_IN_APPLICATION);
    }

    @Test
    void limitsTheBytesOfAllDocumentsOfAnApplication() {
        int pdf = Documents.pdf().length;
        Uploads strict = Uploads.builder(database, sealer, scanner)
                .limits(UploadLimits.builder().maxApplicationBytes(pdf + pdf / 2).build()).build();
        strict.receive(ref, "F1", vollmacht(), false, "a.pdf", new ByteArrayInputStream(Documents.pdf()));

        assertRefused(() -> strict.receive(ref, "F2", vollmacht(), false, "b.pdf",
                new ByteArrayInputStream(Documents.pdf())), PortalError.UPLOAD_APPLICATION_TOO_LARGE);
    }

    @Test
    void sanitisesTheFileNameAndKeepsItUniqueWithinTheApplication() {
        StoredDocument first = receive(anyType(), "C:\\Users\\erika\\Ausweis\u202Egpj.pdf", Documents.pdf());
        StoredDocument second = uploads.receive(ref, "F2", anyType(), false, "../Ausweisgpj.pdf",
                new ByteArrayInputStream(Documents.pdf()));
        StoredDocument third = uploads.receive(ref, "F3", anyType(), false, "a<b>|c?.pdf",
                new ByteArrayInputStream(Documents.pdf()));

        assertThat(first.name()).isEqualTo("Ausweisgpj.pdf");
        assertThat(second.name()).isEqualTo("Ausweisgpj (2).pdf");
        assertThat(third.name()).isEqualTo("a_b__c_.pdf");
    }

    @Test
    void erasesAllDocumentsOfAnApplication() throws Exception {
        receive(vollmacht(), "a.pdf", Documents.pdf());
        uploads.receive(ref, "F2", vollmacht(), false, "b.pdf", new ByteArrayInputStream(Documents.pdf()));
        ApplicationRef other = new ApplicationRef(UUID.randomUUID(), ref.owner());
        uploads.receive(other, PATH, vollmacht(), false, "c.pdf", new ByteArrayInputStream(Documents.pdf()));

        assertThat(uploads.eraseApplication(KOELN, ref.id())).isEqualTo(2);

        assertThat(uploads.list(ref)).isEmpty();
        assertThat(uploads.list(other)).hasSize(1);
        assertThat(rowCount("ozg_upload_chunk")).isEqualTo(1);
    }

    @Test
    void thePurgeRemovesDocumentsWhoseDraftIsGone() {
        receive(vollmacht(), "a.pdf", Documents.pdf());

        assertThat(uploads.purge()).isEqualTo(1);

        assertThat(uploads.list(ref)).isEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private StoredDocument receive(Field field, String name, byte[] content) {
        return uploads.receive(ref, PATH, field, false, name, new ByteArrayInputStream(content));
    }

    /** The field of the test form: PDF or PNG, at most 1 MiB. */
    static Field vollmacht() {
        return field(Precision.builder().maxSize(1024 * 1024).mediaTypes(List.of("application/pdf", "image/png"))
                .build());
    }

    private static Field anyType() {
        return field(Precision.builder().mediaTypes(List.of("application/pdf", "text/plain", "image/*")).build());
    }

    static Field field(Precision precision) {
        return Field.builder(ElementMetadata.builder(FimId.of("F99200000001"), "Vollmacht").build(),
                FieldKind.INPUT, DataType.FILE).precision(precision).build();
    }

    private static OzgException assertRefused(Runnable upload, PortalError code) {
        try {
            upload.run();
        } catch (OzgException e) {
            assertThat(e.code()).isEqualTo(code);
            return e;
        }
        throw new AssertionError("not refused, expected " + code.code());
    }

    private long rowCount(String table) throws Exception {
        try (Connection connection = database.dataSource().getConnection(); Statement statement =
                connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
