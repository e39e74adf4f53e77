package de.ozgsdk.portal.upload;

import de.ozgsdk.core.ConflictException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.NotFoundException;
import de.ozgsdk.core.ProcessingException;
import de.ozgsdk.core.RemoteSystemException;
import de.ozgsdk.core.TenantId;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.forms.DataType;
import de.ozgsdk.forms.Field;
import de.ozgsdk.forms.FormSchema;
import de.ozgsdk.forms.data.DataPath;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.persistence.Database;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.runtime.ApplicationRef;
import de.ozgsdk.portal.upload.scan.ScanResult;
import de.ozgsdk.portal.upload.scan.VirusScanner;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.Connection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts documents uploaded into file fields of an application, streaming: the bytes go straight through the
 * sealing cipher into the database ({@code ozg_upload}, migration V13) and are never held whole in memory nor written
 * to disk in plain. Before a document is accepted it is checked: size against the field's {@code maxSize} and the
 * {@link UploadLimits} (per file, field and application), not empty, clean by the {@link VirusScanner}, its type by
 * content (Tika) among the field's {@code mediaType}s and fitting its extension, and a PDF neither encrypted nor
 * damaged. A refused document is deleted before {@link #receive} returns; the refusal is an {@link
 * de.ozgsdk.core.OzgException} whose {@link de.ozgsdk.core.OzgException#userMessage user message} tells the citizen
 * why (codes {@code OZG-PORTAL-600} to {@code 616}).
 *
 * <p>Documents belong to the draft: every call names the {@link ApplicationRef} (tenant, owner, draft id), so another
 * tenant or citizen gets "not found". Thread-safe; build one per portal.
 */
public final class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);
    private static final Duration RECEIVING_LIFETIME = Duration.ofHours(1);

    private final UploadTable table;
    private final VirusScanner scanner;
    private final UploadLimits limits;
    private final Clock clock;

    private Uploads(Builder b) {
        this.table = new UploadTable(b.database, b.sealer);
        this.scanner = b.scanner;
        this.limits = b.limits;
        this.clock = b.clock;
    }

    /** Starts an upload store on {@code database} (migrated, V13), sealing with {@code sealer}, scanning with
     * {@code scanner}. */
    public static Builder builder(Database database, Sealer sealer, VirusScanner scanner) {
        return new Builder(database, sealer, scanner);
    }

    /** The limits in force. */
    public UploadLimits limits() {
        return limits;
    }

    /**
     * Reads {@code content} (at most up to the size limit plus one byte; the caller drains or discards the rest),
     * checks it and stores it as a document of the file field at {@code fieldPath}. In a field that is not
     * {@code repeatable}, the new document replaces the one there.
     *
     * @param field    the file field (its {@code maxSize} and {@code mediaType}s apply)
     * @param fileName the name the browser sent; sanitised, made unique within the application
     * @return the accepted document; its {@link StoredDocument#name()} is the field's value in the form data
     * @throws InvalidInputException ({@code OZG-PORTAL-600}…{@code 614}) for a document refused for its content
     * @throws RemoteSystemException ({@code OZG-PORTAL-607}) when the scanner is unreachable (fail closed)
     */
    public StoredDocument receive(ApplicationRef ref, String fieldPath, Field field, boolean repeatable,
            String fileName, InputStream content) {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(fieldPath, "fieldPath");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(content, "content");
        List<UploadTable.Row> existing = table.list(ref.owner(), ref.id());
        List<UploadTable.Row> replaced = repeatable ? List.of()
                : existing.stream().filter(r -> r.fieldPath().equals(fieldPath)).toList();
        long inField = existing.stream().filter(r -> r.fieldPath().equals(fieldPath)).count();
        if (repeatable && inField >= limits.maxFilesPerField()) {
            throw new InvalidInputException(PortalError.UPLOAD_TOO_MANY_IN_FIELD, limits.maxFilesPerField());
        }
        if (existing.size() - replaced.size() >= limits.maxFilesPerApplication()) {
            throw new InvalidInputException(PortalError.UPLOAD_TOO_MANY_IN_APPLICATION,
                    limits.maxFilesPerApplication());
        }
        long fileCap = Math.min(limits.maxFileBytes(), field.precision().maxSize().orElse(Long.MAX_VALUE));
        long used = existing.stream().filter(r -> !replaced.contains(r)).mapToLong(UploadTable.Row::size).sum();
        long applicationCap = limits.maxApplicationBytes() - used;
        String name = DocumentChecks.unique(DocumentChecks.sanitise(fileName),
                existing.stream().filter(r -> !replaced.contains(r)).map(UploadTable.Row::name).toList());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        table.insert(id, ref.owner(), ref.id(), fieldPath, name, "application/octet-stream", now,
                now.plus(RECEIVING_LIFETIME));
        boolean accepted = false;
        try {
            Received received = write(id, ref.tenant(), content, Math.min(fileCap, applicationCap));
            if (received.exceeded) {
                throw fileCap <= applicationCap
                        ? new InvalidInputException(PortalError.UPLOAD_TOO_LARGE, DocumentChecks.size(fileCap))
                        : new InvalidInputException(PortalError.UPLOAD_APPLICATION_TOO_LARGE,
                                DocumentChecks.size(limits.maxApplicationBytes()));
            }
            if (received.size == 0) {
                throw new InvalidInputException(PortalError.UPLOAD_EMPTY);
            }
            boolean scanned = scan(id, ref);
            String type = DocumentChecks.detect(received.head);
            List<String> allowed = field.precision().mediaTypes().isEmpty() ? limits.defaultMediaTypes()
                    : field.precision().mediaTypes();
            DocumentChecks.requireAllowed(type, allowed);
            DocumentChecks.requireExtensionFits(type, name);
            if (type.equals("application/pdf")) {
                checkPdf(id, ref.tenant(), received.size);
            }
            table.finish(id, ref.tenant(), name, type, received.size, received.sha512,
                    scanned ? UploadTable.State.ACCEPTED : UploadTable.State.UNSCANNED);
            accepted = true;
            replaced.forEach(r -> table.delete(r.id()));
            LOG.info("upload {} accepted into application {} ({}, {} bytes, scanned {})", id, ref.id(), type,
                    received.size, scanned);
            return new StoredDocument(id, fieldPath, name, type, received.size, received.sha512, scanned);
        } finally {
            if (!accepted) {
                table.delete(id);
            }
        }
    }

    /** The documents of an application, oldest first. */
    public List<StoredDocument> list(ApplicationRef ref) {
        Objects.requireNonNull(ref, "ref");
        return table.list(ref.owner(), ref.id()).stream().map(UploadTable.Row::document).toList();
    }

    /**
     * The bytes of one document, checked while they are read; the caller closes the stream.
     *
     * @throws NotFoundException ({@code OZG-PORTAL-611}) if the application has no such document
     */
    public InputStream open(ApplicationRef ref, UUID documentId) {
        Objects.requireNonNull(ref, "ref");
        UploadTable.Row row = table.find(ref.owner(), ref.id(), documentId)
                .orElseThrow(() -> new NotFoundException(PortalError.UPLOAD_NOT_FOUND, documentId));
        return table.contentReader(row.id(), ref.tenant());
    }

    /**
     * {@code data} without the values of file fields that name no document of the application at that field (the
     * citizen removed it, or the value was typed in): so that a required file field without a document is missing,
     * on the page, at review and at submit.
     */
    public FormData withoutMissing(ApplicationRef ref, FormSchema schema, FormData data) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(data, "data");
        Set<String> present = new HashSet<>();
        for (StoredDocument document : list(ref)) {
            present.add(canonical(DataPath.parse(document.fieldPath())) + "\n" + document.name());
        }
        return keepPresent(schema, data, List.of(), present);
    }

    /** The canonical text of a path: every group segment with its index (0 where none is given). */
    static String canonical(DataPath path) {
        List<DataPath.Segment> segments = path.segments();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            DataPath.Segment segment = segments.get(i);
            text.append(i == 0 ? "" : ".").append(segment.id());
            if (i < segments.size() - 1) {
                text.append('[').append(segment.index().orElse(0)).append(']');
            }
        }
        return text.toString();
    }

    private static FormData keepPresent(FormSchema schema, FormData data, List<DataPath.Segment> prefix,
            Set<String> present) {
        FormData.Builder kept = data.toBuilder();
        for (String id : data.ids()) {
            if (data.isGroup(id)) {
                List<FormData> instances = new ArrayList<>();
                List<FormData> groups = data.groups(id);
                for (int i = 0; i < groups.size(); i++) {
                    List<DataPath.Segment> inner = new ArrayList<>(prefix);
                    inner.add(new DataPath.Segment(id, OptionalInt.of(i)));
                    instances.add(keepPresent(schema, groups.get(i), inner, present));
                }
                kept.groups(id, instances);
            } else if (schema.field(id).filter(f -> f.dataType() == DataType.FILE).isPresent()) {
                List<DataPath.Segment> segments = new ArrayList<>(prefix);
                segments.add(new DataPath.Segment(id, OptionalInt.empty()));
                String path = canonical(DataPath.of(segments));
                kept.values(id, data.values(id).stream().filter(v -> present.contains(path + "\n" + v)).toList());
            }
        }
        return kept.build();
    }

    /** Removes one document of the application; returns whether there was one. */
    public boolean remove(ApplicationRef ref, UUID documentId) {
        Objects.requireNonNull(ref, "ref");
        return table.find(ref.owner(), ref.id(), documentId).map(r -> table.delete(r.id())).orElse(false);
    }

    /**
     * Erases every document of an application of {@code tenant}, whoever owns it (after submit, discard, or when
     * the retention deletes the application's personal data); returns how many.
     */
    public int eraseApplication(TenantId tenant, UUID applicationId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(applicationId, "applicationId");
        int erased = table.deleteApplication(tenant, applicationId);
        if (erased > 0) {
            LOG.info("erased {} uploads of application {} of tenant {}", erased, applicationId, tenant);
        }
        return erased;
    }

    /**
     * Erases the documents of {@code application} on the caller's {@code connection}: the runtime's
     * {@link de.ozgsdk.portal.runtime.PersonalDataHolder} for uploads, so documents go in the same transaction as the
     * draft or submission they belong to.
     */
    public void eraseApplication(Connection connection, ApplicationRef application) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ozg_upload WHERE tenant_id = ? AND application_id = ?")) {
            delete.setString(1, application.tenant().value());
            delete.setObject(2, application.id());
            delete.executeUpdate();
        }
    }

    /** Moves the documents of an application to its new id and owner (an anonymous draft bound to a citizen). */
    public void moveApplication(ApplicationRef from, ApplicationRef to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.tenant().equals(to.tenant())) {
            throw new IllegalArgumentException("an application cannot move to another tenant");
        }
        table.move(from.owner(), from.id(), to.owner(), to.id());
    }

    /**
     * Deletes documents whose draft is gone (expired, discarded) and uploads interrupted by a crash; returns how
     * many. Run it with the draft purge.
     */
    public int purge() {
        return table.purge(clock.instant());
    }

    /**
     * Scans the documents accepted unscanned ({@link UploadLimits#acceptUnscanned()}) again: clean ones become
     * scanned, infected ones are erased; ones the scanner still cannot reach stay. Returns how many were erased.
     */
    public int rescanUnscanned() {
        int erased = 0;
        for (UploadTable.Unscanned unscanned : table.unscanned()) {
            UUID id = unscanned.row().id();
            try (InputStream in = table.contentReader(id, unscanned.tenant())) {
                ScanResult result = scanner.scan(in);
                if (result.clean()) {
                    table.setState(id, UploadTable.State.ACCEPTED);
                } else {
                    LOG.warn("upload {} found infected on rescan ({}): erased", id, result.signature().orElse("?"));
                    table.delete(id);
                    erased++;
                }
            } catch (RemoteSystemException e) {
                LOG.warn("upload {} still unscanned: the scanner failed ({})", id, e.code().code());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return erased;
    }

    /**
     * Requires every document of the application to be scanned clean, scanning unscanned ones now (submit calls it).
     *
     * @throws ConflictException ({@code OZG-PORTAL-616}) if one cannot be scanned now or was found infected (and
     *                           erased)
     */
    public void requireScanned(ApplicationRef ref) {
        for (UploadTable.Row row : table.list(ref.owner(), ref.id())) {
            if (row.state() == UploadTable.State.UNSCANNED) {
                boolean clean;
                try {
                    clean = scan(row.id(), ref);
                } catch (RemoteSystemException | InvalidInputException e) {
                    throw new ConflictException(PortalError.UPLOAD_NOT_SCANNED, e, ref.id());
                }
                if (!clean) {
                    throw new ConflictException(PortalError.UPLOAD_NOT_SCANNED, ref.id());
                }
                table.setState(row.id(), UploadTable.State.ACCEPTED);
            }
        }
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    /** What {@link #write} measured. */
    private static final class Received {
        long size;
        String sha512;
        byte[] head;
        boolean exceeded;
    }

    private Received write(UUID id, TenantId tenant, InputStream content, long cap) {
        Received received = new Received();
        MessageDigest digest = sha512();
        byte[] head = new byte[DocumentChecks.HEAD_BYTES];
        int headFilled = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream sealed = table.contentWriter(id, tenant)) {
            while (true) {
                long room = cap + 1 - received.size;
                int n = content.read(buffer, 0, (int) Math.min(buffer.length, Math.max(1, room)));
                if (n < 0) {
                    break;
                }
                if (received.size + n > cap) {
                    received.exceeded = true;
                    break;
                }
                sealed.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                if (headFilled < head.length) {
                    int take = Math.min(n, head.length - headFilled);
                    System.arraycopy(buffer, 0, head, headFilled, take);
                    headFilled += take;
                }
                received.size += n;
            }
        } catch (IOException e) {
            throw new ProcessingException(PortalError.UPLOAD_STORE_FAILED, e, e.getClass().getSimpleName());
        }
        received.head = Arrays.copyOf(head, headFilled);
        received.sha512 = HexFormat.of().formatHex(digest.digest());
        return received;
    }

    /** True when clean; false when accepted unscanned; throws when infected or (fail closed) unreachable. */
    private boolean scan(UUID id, ApplicationRef ref) {
        ScanResult result;
        try (InputStream in = table.contentReader(id, ref.tenant())) {
            result = scanner.scan(in);
        } catch (RemoteSystemException e) {
            if (limits.acceptUnscanned()) {
                LOG.warn("upload {} accepted unscanned: the scanner failed ({})", id, e.code().code());
                return false;
            }
            LOG.warn("upload {} refused: the scanner failed ({})", id, e.code().code());
            throw RemoteSystemException.builder(PortalError.UPLOAD_SCANNER_UNAVAILABLE, "virus scanner")
                    .side(RemoteSystemException.Side.REMOTE).cause(e).build();
        } catch (IOException e) {
            throw new ProcessingException(PortalError.UPLOAD_STORE_FAILED, e, e.getClass().getSimpleName());
        }
        if (!result.clean()) {
            // the signature helps the operators; ids only, the name may be personal data
            LOG.warn("upload {} into application {} refused: malware {}", id, ref.id(),
                    result.signature().orElse("?"));
            throw new InvalidInputException(PortalError.UPLOAD_INFECTED);
        }
        return true;
    }

    private void checkPdf(UUID id, TenantId tenant, long size) {
        if (size > limits.maxPdfCheckBytes()) {
            throw new InvalidInputException(PortalError.UPLOAD_PDF_TOO_LARGE_TO_CHECK,
                    DocumentChecks.size(limits.maxPdfCheckBytes()));
        }
        try (InputStream in = table.contentReader(id, tenant)) {
            DocumentChecks.requireReadablePdf(in);
        } catch (IOException e) {
            throw new ProcessingException(PortalError.UPLOAD_STORE_FAILED, e, e.getClass().getSimpleName());
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is part of every JDK", e);
        }
    }

    /** Configures {@link Uploads}. */
    public static final class Builder {
        private final Database database;
        private final Sealer sealer;
        private final VirusScanner scanner;
        private UploadLimits limits = UploadLimits.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder(Database database, Sealer sealer, VirusScanner scanner) {
            this.database = Objects.requireNonNull(database, "database");
            this.sealer = Objects.requireNonNull(sealer, "sealer");
            this.scanner = Objects.requireNonNull(scanner, "scanner");
        }

        /** The limits (default {@link UploadLimits#defaults()}). */
        public Builder limits(UploadLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The clock (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The upload store. */
        public Uploads build() {
            return new Uploads(this);
        }
    }
}
