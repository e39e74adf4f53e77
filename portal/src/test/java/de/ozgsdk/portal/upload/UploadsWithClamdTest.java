package de.ozgsdk.portal.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.persistence.DraftOwner;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.runtime.ApplicationRef;
import de.ozgsdk.portal.runtime.TestDatabase;
import de.ozgsdk.portal.upload.scan.ClamdProcess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The upload pipeline with the real ClamAV daemon as its scanner (not the test double of {@link UploadsTest}). */
class UploadsWithClamdTest {

    private static final TenantId KOELN = TenantId.parse("053150000000");
    private static final String PATH = "F99200000001";

    private static ClamdProcess clamd;

    private final Database database = Database.h2InMemory("clamd_" + UUID.randomUUID().toString()
            .replace("-", "").substring(0, 12));
    private final Sealer sealer = Sealer.builder().key("uploads", new byte[32]).build();
    private final ApplicationRef ref = new ApplicationRef(UUID.randomUUID(), DraftOwner.of(KOELN, "a:owner-1"));

    @BeforeAll
    static void startClamd() {
        clamd = ClamdProcess.start();
    }

    @AfterAll
    static void stopClamd() {
        if (clamd != null) {
            clamd.close();
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void acceptsACleanPdfThatClamdPassesAndErasesItWithTheApplication(String kind) throws Exception {
        try (TestDatabase test = TestDatabase.open(kind)) {
            Database db = test.node();
            Uploads uploads = Uploads.builder(db, sealer, clamd.tcpScanner().build()).build();
            byte[] pdf = Documents.pdf();

            StoredDocument stored = uploads.receive(ref, PATH, UploadsTest.vollmacht(), false, "Vollmacht.pdf",
                    new ByteArrayInputStream(pdf));

            try (InputStream in = uploads.open(ref, stored.id())) {
                assertThat(in.readAllBytes()).isEqualTo(pdf);
            }
            assertThat(uploads.list(ref)).extracting(StoredDocument::id).containsExactly(stored.id());
            try (Connection connection = db.dataSource().getConnection()) {
                uploads.eraseApplication(connection, ref);
            }
            assertThat(uploads.list(ref)).isEmpty();
        }
    }

    @Test
    void refusesTheEicarFileAndStoresNothing() throws Exception {
        Uploads uploads = Uploads.builder(database, sealer, clamd.unixScanner().build()).build();

        assertRefused(() -> receive(uploads, "Vollmacht.pdf", ClamdProcess.eicar()), PortalError.UPLOAD_INFECTED);

        assertThat(rowCount("ozg_upload")).isZero();
        assertThat(rowCount("ozg_upload_chunk")).isZero();
    }

    @Test
    void refusesTheEicarFileInsideAZip() throws Exception {
        Uploads uploads = Uploads.builder(database, sealer, clamd.tcpScanner().build()).build();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("nachweise/eicar.com"));
            out.write(ClamdProcess.eicar());
            out.closeEntry();
        }

        assertRefused(() -> receive(uploads, "Nachweise.pdf", zip.toByteArray()), PortalError.UPLOAD_INFECTED);

        assertThat(rowCount("ozg_upload")).isZero();
    }

    @Test
    void refusesWithTryAgainLaterWhenNothingListensWhereClamdWas() throws Exception {
        // a scanner aimed at a port where no clamd listens: fail closed, nothing stored
        Uploads uploads = Uploads.builder(database, sealer, de.ozgsdk.portal.upload.scan.ClamdScanner
                .tcp("127.0.0.1", freePort()).build()).build();

        assertRefused(() -> receive(uploads, "Vollmacht.pdf", Documents.pdf()),
                PortalError.UPLOAD_SCANNER_UNAVAILABLE);

        assertThat(rowCount("ozg_upload")).isZero();
    }

    private StoredDocument receive(Uploads uploads, String name, byte[] content) {
        return uploads.receive(ref, PATH, UploadsTest.vollmacht(), false, name, new ByteArrayInputStream(content));
    }

    private static void assertRefused(Runnable upload, PortalError code) {
        assertThatThrownBy(upload::run).isInstanceOfSatisfying(OzgException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private int rowCount(String table) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
