package de.ozgsdk.sandbox.postbox.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgsdk.sandbox.postbox.ZbpMessage;
import de.ozgsdk.sandbox.postbox.ZbpStatusUpdate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ZBP's checks of one received envelope, written from the rules of the BundID postbox (not from ozg-postbox's
 * code): signature, author token, the message or status fields, the persona, attachment limits and the HTML
 * whitelist. Collects every problem instead of stopping at the first.
 */
public final class EnvelopeChecks {

    /** The service type of messages. */
    public static final String MESSAGE_SERVICE = "urn:schema-fitko-de:fit-connect:id.bund.de:message_v6";
    /** The service type of status updates. */
    public static final String STATUS_SERVICE = "urn:schema-fitko-de:fit-connect:id.bund.de:status_v6";
    /** Attachments per message. */
    public static final int MAX_ATTACHMENTS = 5;
    /** Bytes per attachment (2 MiB). */
    public static final int MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> EXTENSIONS = Set.of("txt", "rtf", "ics", "csv", "jpeg", "jpg", "gif", "png",
            "tiff", "tif", "bmp", "svg", "pdf");
    private static final Set<String> STATUS = Set.of("INITIATED", "SUBMITTED", "RECEIVED", "PROCESSING",
            "ACTION_REQUIRED", "COMPLETED");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ALLOWED_TAG = Pattern.compile(
            "</?(h1|p|b|i)>|</a>|<a href=\"https://[^\"<>\\s]+\">");
    private static final Duration SKEW = Duration.ofMinutes(2);

    /** A problem found: its name (the last segment of the problem type), detail and part. */
    public record Found(String name, String detail, String instance) {
    }

    /** The result: a message, a status update, or problems. */
    public record Result(Optional<ZbpMessage> message, Optional<ZbpStatusUpdate> status, List<Found> problems) {
    }

    private final List<Found> problems = new ArrayList<>();

    private EnvelopeChecks() {
    }

    /**
     * Checks the envelope {@code data} of a submission of {@code serviceIdentifier} with these decrypted attachments.
     */
    public static Result check(UUID submissionId, String serviceIdentifier, byte[] data,
            List<ZbpMessage.Attachment> attachments, List<X509Certificate> authors, Set<UUID> personas, Instant now) {
        EnvelopeChecks checks = new EnvelopeChecks();
        Optional<String> content = checks.envelope(data, authors, now);
        if (content.isEmpty()) {
            return new Result(Optional.empty(), Optional.empty(), checks.problems);
        }
        JsonNode json;
        try {
            json = JSON.readTree(content.get());
        } catch (RuntimeException e) {
            checks.problem("syntax-violation", "the envelope's content is no JSON", "data");
            return new Result(Optional.empty(), Optional.empty(), checks.problems);
        }
        if (MESSAGE_SERVICE.equals(serviceIdentifier)) {
            ZbpMessage message = checks.message(submissionId, json, attachments, personas, now);
            return new Result(checks.problems.isEmpty() ? Optional.of(message) : Optional.empty(), Optional.empty(),
                    checks.problems);
        }
        if (STATUS_SERVICE.equals(serviceIdentifier)) {
            ZbpStatusUpdate status = checks.status(submissionId, json);
            return new Result(Optional.empty(), checks.problems.isEmpty() ? Optional.of(status) : Optional.empty(),
                    checks.problems);
        }
        checks.problem("service-not-offered", "the ZBP takes " + MESSAGE_SERVICE + " and " + STATUS_SERVICE
                + ", not " + serviceIdentifier, "metadata");
        return new Result(Optional.empty(), Optional.empty(), checks.problems);
    }

    /** The content of a well-formed, correctly signed envelope of a registered author. */
    private Optional<String> envelope(byte[] data, List<X509Certificate> authors, Instant now) {
        JsonNode envelope;
        try {
            envelope = JSON.readTree(data);
        } catch (RuntimeException e) {
            problem("syntax-violation", "the data is no JSON envelope", "data");
            return Optional.empty();
        }
        for (String field : List.of("content", "sha512sum", "authorToken", "authorCertificate")) {
            if (!envelope.path(field).isString()) {
                problem("syntax-violation", "the envelope has no string " + field, "data");
            }
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        X509Certificate author;
        try {
            author = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(envelope.path("authorCertificate").asString().getBytes(
                            StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            problem("invalid-author-certificate", "authorCertificate is no PEM certificate", "data");
            return Optional.empty();
        }
        if (!authors.contains(author)) {
            problem("invalid-author-certificate", "the author certificate is not registered with the ZBP", "data");
            return Optional.empty();
        }
        String content = envelope.path("content").asString();
        signature(content, envelope.path("sha512sum").asString(), author);
        authorToken(envelope.path("authorToken").asString(), author, now);
        return problems.isEmpty() ? Optional.of(content) : Optional.empty();
    }

    private void signature(String content, String sha512sum, X509Certificate author) {
        try {
            Signature signature = Signature.getInstance("SHA512withRSA");
            signature.initVerify(author.getPublicKey());
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            if (!signature.verify(Base64.getDecoder().decode(sha512sum))) {
                problem("invalid-signature", "sha512sum is no RSA-SHA512 signature of the content by the author",
                        "data");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            problem("invalid-signature", "sha512sum cannot be checked (" + e.getClass().getSimpleName() + ")", "data");
        }
    }

    private void authorToken(String compact, X509Certificate author, Instant now) {
        try {
            SignedJWT token = SignedJWT.parse(compact);
            if (!JWSAlgorithm.RS512.equals(token.getHeader().getAlgorithm())) {
                problem("invalid-author-token", "the author token is signed with "
                        + token.getHeader().getAlgorithm() + ", not RS512", "data");
                return;
            }
            if (!token.verify(new RSASSAVerifier((RSAPublicKey) author.getPublicKey()))) {
                problem("invalid-author-token", "the author token's signature does not verify", "data");
                return;
            }
            JWTClaimsSet claims = token.getJWTClaimsSet();
            Date iat = claims.getIssueTime();
            Date exp = claims.getExpirationTime();
            if (iat == null || exp == null || iat.toInstant().isAfter(now.plus(SKEW))
                    || !exp.toInstant().isAfter(now)
                    || Duration.between(iat.toInstant(), exp.toInstant()).compareTo(Duration.ofMinutes(30)) > 0) {
                problem("invalid-author-token", "the author token is not valid now (iat, exp at most 30 minutes"
                        + " later)", "data");
            }
            String cn = author.getSubjectX500Principal().getName().replaceAll("(?i).*\\bCN=([^,]+).*", "$1");
            if (!cn.equals(claims.getClaim("signer"))) {
                problem("invalid-author-token", "the author token's signer is not the certificate's CN", "data");
            }
            Object roles = claims.getClaim("roles");
            if (!(roles instanceof List<?> list) || !list.contains("THIRD_PARTY")) {
                problem("invalid-author-token", "the author token's roles lack THIRD_PARTY", "data");
            }
        } catch (ParseException | JOSEException | ClassCastException e) {
            problem("invalid-author-token", "the author token is no JWT (" + e.getClass().getSimpleName() + ")",
                    "data");
        }
    }

    private ZbpMessage message(UUID submissionId, JsonNode json, List<ZbpMessage.Attachment> received,
            Set<UUID> personas, Instant now) {
        Optional<UUID> mailbox = uuid(json, "mailboxUuid");
        if (mailbox.isEmpty()) {
            problem("syntax-violation", "mailboxUuid is no UUID", "data");
        } else if (!personas.contains(mailbox.get())) {
            problem("unknown-mailbox", "no postbox has the mailboxUuid of the message", "data");
        }
        String sender = text(json, "sender", 1, 255);
        String title = text(json, "title", 1, 1024);
        String content = text(json, "content", 1, Integer.MAX_VALUE);
        String service = text(json, "service", 1, 255);
        html("title", title);
        html("content", content);
        int qaa = json.path("stork_qaa_level").asInt(0);
        if (qaa < 1 || qaa > 4) {
            problem("syntax-violation", "stork_qaa_level must be 1 to 4", "data");
        }
        optionalText(json, "retrievalConfirmationAddress", 320);
        optionalText(json, "replyAddress", 320);
        optionalText(json, "reference", 255);
        optionalText(json, "senderUrl", 255);
        Optional<UUID> applicationId = json.has("applicationId") ? uuid(json, "applicationId") : Optional.empty();
        if (json.has("applicationId") && applicationId.isEmpty()) {
            problem("syntax-violation", "applicationId is no UUID", "data");
        }
        List<ZbpMessage.Attachment> attachments = attachments(json.path("attachments"), received);
        return new ZbpMessage(submissionId, mailbox.orElse(new UUID(0, 0)), sender, title, content, service, qaa,
                applicationId, Optional.ofNullable(json.path("reference").asString(null)), attachments, now);
    }

    private List<ZbpMessage.Attachment> attachments(JsonNode announced, List<ZbpMessage.Attachment> received) {
        if (announced.size() > MAX_ATTACHMENTS) {
            problem("attachment-limit", announced.size() + " attachments, at most " + MAX_ATTACHMENTS, "data");
        }
        if (announced.size() != received.size()) {
            problem("missing-attachment", "the message lists " + announced.size() + " attachments, the submission"
                    + " holds " + received.size(), "data");
            return List.of();
        }
        List<ZbpMessage.Attachment> ordered = new ArrayList<>();
        for (int i = 0; i < announced.size(); i++) {
            JsonNode entry = announced.get(i);
            String filename = entry.path("filename").asString("");
            String instance = "attachment " + (i + 1);
            Optional<ZbpMessage.Attachment> bytes = received.stream()
                    .filter(part -> sha512(part.content()).equals(entry.path("sha512sum").asString("")))
                    .findFirst();
            if (bytes.isEmpty()) {
                problem("hash-mismatch", "no attachment of the submission has the sha512sum listed", instance);
                continue;
            }
            int size = bytes.get().content().length;
            if (size > MAX_ATTACHMENT_BYTES) {
                problem("attachment-limit", size + " bytes, at most " + MAX_ATTACHMENT_BYTES, instance);
            }
            if (entry.path("contentLength").asLong(-1) != size) {
                problem("attachment-limit", "contentLength differs from the attachment's size", instance);
            }
            String extension = filename.contains(".")
                    ? filename.substring(filename.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if (!EXTENSIONS.contains(extension)) {
                problem("attachment-limit", "file type ." + extension + " is not allowed", instance);
            }
            if (filename.isEmpty() || filename.chars().anyMatch(c -> "\\/:*?\"<|>".indexOf(c) >= 0)) {
                problem("attachment-limit", "the file name is empty or holds one of \\/:*?\"<|>", instance);
            }
            ordered.add(new ZbpMessage.Attachment(filename, bytes.get().mediaType(), bytes.get().content()));
        }
        return ordered;
    }

    private ZbpStatusUpdate status(UUID submissionId, JsonNode json) {
        Optional<UUID> applicationId = uuid(json, "applicationId");
        if (applicationId.isEmpty()) {
            problem("syntax-violation", "applicationId is no UUID", "data");
        }
        String status = json.path("status").asString("");
        if (!STATUS.contains(status)) {
            problem("syntax-violation", "status must be one of " + STATUS, "data");
        }
        String serviceName = text(json.path("publicServiceName"), "de", 1, 255);
        String senderName = text(json, "senderName", 1, 255);
        Instant created = Instant.EPOCH;
        try {
            created = Instant.parse(json.path("createdDate").asString(""));
        } catch (DateTimeParseException e) {
            problem("syntax-violation", "createdDate is no ISO-8601 instant", "data");
        }
        Optional<String> details = Optional.ofNullable(json.path("statusDetails").path("de").asString(null));
        return new ZbpStatusUpdate(submissionId, applicationId.orElse(new UUID(0, 0)), status, serviceName,
                senderName, created, details);
    }

    private void html(String field, String value) {
        Matcher tags = TAG.matcher(value);
        while (tags.find()) {
            if (!ALLOWED_TAG.matcher(tags.group()).matches()) {
                problem("html-not-allowed", field + " holds markup outside the whitelist (h1, p, a href=https, b, i)",
                        "data");
                return;
            }
        }
        if (TAG.matcher(value).replaceAll("").indexOf('<') >= 0) {
            problem("html-not-allowed", field + " holds an unclosed tag or a raw <", "data");
        }
    }

    private String text(JsonNode json, String field, int min, int max) {
        String value = json.path(field).asString(null);
        if (value == null || value.length() < min || value.length() > max) {
            problem("syntax-violation", field + " must have " + min + " to " + max + " characters", "data");
            return "";
        }
        return value;
    }

    private void optionalText(JsonNode json, String field, int max) {
        if (json.has(field) && json.path(field).asString("").length() > max) {
            problem("syntax-violation", field + " has more than " + max + " characters", "data");
        }
    }

    private static Optional<UUID> uuid(JsonNode json, String field) {
        try {
            return Optional.of(UUID.fromString(json.path(field).asString("")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String sha512(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void problem(String name, String detail, String instance) {
        problems.add(new Found(name, detail, instance));
    }

}
