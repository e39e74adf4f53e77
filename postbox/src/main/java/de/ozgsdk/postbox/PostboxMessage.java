package de.ozgsdk.postbox;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.postbox.internal.AttachmentTypes;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A message to a citizen's postbox (the fields of the BundID postbox's {@code message_v6}): the recipient's
 * Postkorb-Handle ({@code mailboxUuid}), sender, subject ({@code title}), body ({@code content}: plain text, escaped,
 * or HTML, {@linkplain HtmlWhitelist sanitised}), service, trust level ({@code stork_qaa_level}), and optionally the
 * application id, reply and read-receipt addresses, reference, sender URL and up to five attachments.
 *
 * <p>Every limit of the postbox is checked in {@link Builder#build()}, before anything is sent, with a message naming
 * the field or attachment (by position and extension; file names may be personal) and the limit: text lengths, e-mail
 * addresses, at most {@value #MAX_ATTACHMENTS} attachments of at most {@value #MAX_ATTACHMENT_BYTES} bytes each, of an
 * allowed type whose content matches its extension. Characters {@code \ / : * ? " < | >} in file names become
 * {@code _}.
 *
 * <pre>{@code
 * PostboxMessage message = PostboxMessage.builder(postkorbHandle)
 *         .sender("Stadt Musterstadt, Bürgeramt")
 *         .title("Ihr Bescheid zur Anwohnerparkberechtigung")
 *         .htmlContent("<p>Ihr Bescheid liegt <b>als PDF</b> bei.</p>")
 *         .service("Anwohnerparkausweis")
 *         .trustLevel(TrustLevel.SUBSTANTIAL)
 *         .applicationId(applicationId)
 *         .attachment(PostboxAttachment.of("Bescheid.pdf", bescheidPdf))
 *         .build(); // every limit checked here
 * }</pre>
 */
public final class PostboxMessage {

    /** The most attachments one message may have. */
    public static final int MAX_ATTACHMENTS = 5;
    /** The largest attachment in bytes (2 MiB). */
    public static final int MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;
    /** Longest {@code sender}, {@code service}, {@code reference} and {@code senderUrl}. */
    public static final int MAX_SHORT_TEXT = 255;
    /** Longest {@code title}. */
    public static final int MAX_TITLE = 1024;
    /** Longest e-mail address. */
    public static final int MAX_ADDRESS = 320;

    /** A checked attachment: the name the postbox shows, its media type and bytes. */
    public record Attachment(String filename, String mediaType, byte[] content) {

        /** Copies the bytes. */
        public Attachment {
            content = content.clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] content() {
            return content.clone();
        }

        /** The SHA-512 of the bytes, lower-case hex ({@code sha512sum} of the message). */
        public String sha512Hex() {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(content));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-512", e);
            }
        }

        @Override
        public String toString() {
            return "Attachment[" + mediaType + ", " + content.length + " bytes]";
        }
    }

    private final UUID messageId;
    private final UUID mailboxUuid;
    private final String sender;
    private final String title;
    private final String content;
    private final String service;
    private final TrustLevel trustLevel;
    private final Optional<UUID> applicationId;
    private final Optional<String> retrievalConfirmationAddress;
    private final Optional<String> replyAddress;
    private final Optional<String> reference;
    private final Optional<URI> senderUrl;
    private final List<Attachment> attachments;

    private PostboxMessage(Builder builder, List<Attachment> attachments) {
        this.messageId = builder.messageId;
        this.mailboxUuid = builder.mailboxUuid;
        this.sender = builder.sender;
        this.title = builder.title;
        this.content = builder.content;
        this.service = builder.service;
        this.trustLevel = builder.trustLevel;
        this.applicationId = Optional.ofNullable(builder.applicationId);
        this.retrievalConfirmationAddress = Optional.ofNullable(builder.retrievalConfirmationAddress);
        this.replyAddress = Optional.ofNullable(builder.replyAddress);
        this.reference = Optional.ofNullable(builder.reference);
        this.senderUrl = Optional.ofNullable(builder.senderUrl);
        this.attachments = List.copyOf(attachments);
    }

    /** A message to the postbox with this Postkorb-Handle (from the citizen's login). */
    public static Builder builder(UUID mailboxUuid) {
        return new Builder(mailboxUuid);
    }

    /** The message's own id: the outbox key, sent as idempotency key; random unless set. */
    public UUID messageId() {
        return messageId;
    }

    /** The recipient's Postkorb-Handle. */
    public UUID mailboxUuid() {
        return mailboxUuid;
    }

    public String sender() {
        return sender;
    }

    /** The subject, sanitised HTML. */
    public String title() {
        return title;
    }

    /** The body, sanitised HTML. */
    public String content() {
        return content;
    }

    /** The name of the service the message belongs to. */
    public String service() {
        return service;
    }

    /** The trust level a reader must have logged in with ({@code stork_qaa_level}). */
    public TrustLevel trustLevel() {
        return trustLevel;
    }

    /** The {@code stork_qaa_level} 1..4 of the trust level. */
    public int storkQaaLevel() {
        String level = trustLevel.storkQaaLevel();
        return level.charAt(level.length() - 1) - '0';
    }

    public Optional<UUID> applicationId() {
        return applicationId;
    }

    /** Where the postbox sends a read receipt. */
    public Optional<String> retrievalConfirmationAddress() {
        return retrievalConfirmationAddress;
    }

    public Optional<String> replyAddress() {
        return replyAddress;
    }

    public Optional<String> reference() {
        return reference;
    }

    public Optional<URI> senderUrl() {
        return senderUrl;
    }

    public List<Attachment> attachments() {
        return attachments;
    }

    /** Ids and sizes only: a message holds personal data. */
    @Override
    public String toString() {
        return "PostboxMessage[" + messageId + ", " + attachments.size() + " attachments]";
    }

    /** Collects and checks a {@link PostboxMessage}. */
    public static final class Builder {
        private final UUID mailboxUuid;
        private UUID messageId = UUID.randomUUID();
        private String sender;
        private String title;
        private String content;
        private String service;
        private TrustLevel trustLevel = TrustLevel.SUBSTANTIAL;
        private UUID applicationId;
        private String retrievalConfirmationAddress;
        private String replyAddress;
        private String reference;
        private URI senderUrl;
        private final List<PostboxAttachment> attachments = new ArrayList<>();

        private Builder(UUID mailboxUuid) {
            this.mailboxUuid = Objects.requireNonNull(mailboxUuid, "mailboxUuid");
        }

        /** The message's id (default random): give a stable one to enqueue the same message only once. */
        public Builder messageId(UUID id) {
            this.messageId = Objects.requireNonNull(id, "id");
            return this;
        }

        /** The sending authority as the citizen sees it, 1 to 255 characters. */
        public Builder sender(String name) {
            this.sender = text("sender", name, MAX_SHORT_TEXT);
            return this;
        }

        /** The subject as plain text (escaped), 1 to 1024 characters after escaping. */
        public Builder title(String text) {
            this.title = text("title", HtmlWhitelist.escape(Objects.requireNonNull(text, "title")), MAX_TITLE);
            return this;
        }

        /** The subject as HTML, {@linkplain HtmlWhitelist#sanitise sanitised}, 1 to 1024 characters after that. */
        public Builder htmlTitle(String html) {
            this.title = text("title", HtmlWhitelist.sanitise(Objects.requireNonNull(html, "title")), MAX_TITLE);
            return this;
        }

        /** The body as plain text: escaped, each paragraph (blank-line separated) a {@code <p>}. */
        public Builder plainContent(String text) {
            Objects.requireNonNull(text, "content");
            StringBuilder html = new StringBuilder();
            for (String paragraph : text.strip().split("\\R\\s*\\R")) {
                if (!paragraph.isBlank()) {
                    html.append("<p>").append(HtmlWhitelist.escape(paragraph.strip())).append("</p>");
                }
            }
            this.content = notEmpty("content", html.toString());
            return this;
        }

        /** The body as HTML, {@linkplain HtmlWhitelist#sanitise sanitised}. */
        public Builder htmlContent(String html) {
            this.content = notEmpty("content", HtmlWhitelist.sanitise(Objects.requireNonNull(html, "content")));
            return this;
        }

        /** The service's name, 1 to 255 characters. */
        public Builder service(String name) {
            this.service = text("service", name, MAX_SHORT_TEXT);
            return this;
        }

        /** The trust level a reader must have logged in with; default {@link TrustLevel#SUBSTANTIAL}. */
        public Builder trustLevel(TrustLevel level) {
            this.trustLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /** The application the message belongs to (links it to the Statusmonitor). */
        public Builder applicationId(UUID id) {
            this.applicationId = Objects.requireNonNull(id, "id");
            return this;
        }

        /** Where the postbox sends a read receipt, at most 320 characters. */
        public Builder retrievalConfirmationAddress(String address) {
            this.retrievalConfirmationAddress = address("retrievalConfirmationAddress", address);
            return this;
        }

        /** Where the citizen's answers go, at most 320 characters. */
        public Builder replyAddress(String address) {
            this.replyAddress = address("replyAddress", address);
            return this;
        }

        /** The authority's reference (Aktenzeichen), at most 255 characters. */
        public Builder reference(String text) {
            this.reference = text("reference", text, MAX_SHORT_TEXT);
            return this;
        }

        /** The sender's web page, an absolute https URL of at most 255 characters. */
        public Builder senderUrl(URI url) {
            Objects.requireNonNull(url, "url");
            if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
                throw new InvalidInputException(PostboxError.SENDER_URL_INVALID, "not an absolute https URL");
            }
            if (url.toString().length() > MAX_SHORT_TEXT) {
                throw new InvalidInputException(PostboxError.SENDER_URL_INVALID,
                        url.toString().length() + " characters");
            }
            this.senderUrl = url;
            return this;
        }

        /** Adds an attachment (read and checked in {@link #build()}). */
        public Builder attachment(PostboxAttachment attachment) {
            attachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /**
         * The message, after every check of the postbox.
         *
         * @throws InvalidInputException naming the field or attachment and the limit it breaks
         */
        public PostboxMessage build() {
            require("sender", sender);
            require("title", title);
            require("content", content);
            require("service", service);
            if (attachments.size() > MAX_ATTACHMENTS) {
                throw new InvalidInputException(PostboxError.TOO_MANY_ATTACHMENTS, attachments.size(),
                        MAX_ATTACHMENTS);
            }
            List<Attachment> checked = new ArrayList<>();
            Map<String, Integer> names = new HashMap<>();
            for (int i = 0; i < attachments.size(); i++) {
                Attachment attachment = check(i + 1, attachments.get(i));
                Integer earlier = names.putIfAbsent(attachment.filename(), i + 1);
                if (earlier != null) {
                    throw new InvalidInputException(PostboxError.ATTACHMENT_NAME_REPEATED, earlier, i + 1);
                }
                checked.add(attachment);
            }
            return new PostboxMessage(this, checked);
        }

        private static Attachment check(int position, PostboxAttachment attachment) {
            String filename = safeFilename(attachment.filename());
            String extension = AttachmentTypes.extension(filename);
            String mediaType = AttachmentTypes.mediaType(extension).orElseThrow(() -> new InvalidInputException(
                    PostboxError.ATTACHMENT_TYPE_NOT_ALLOWED, position, extension.isEmpty() ? "(none)" : extension,
                    AttachmentTypes.allowed()));
            byte[] content = read(position, extension, attachment);
            if (content.length == 0) {
                throw new InvalidInputException(PostboxError.ATTACHMENT_EMPTY, position, "." + extension);
            }
            AttachmentTypes.mismatch(extension, content).ifPresent(problem -> {
                throw new InvalidInputException(PostboxError.ATTACHMENT_CONTENT_MISMATCH, position, extension,
                        problem);
            });
            return new Attachment(filename, mediaType, content);
        }

        private static byte[] read(int position, String extension, PostboxAttachment attachment) {
            try (InputStream in = attachment.source().open()) {
                byte[] content = in.readNBytes(MAX_ATTACHMENT_BYTES + 1);
                if (content.length > MAX_ATTACHMENT_BYTES) {
                    throw new InvalidInputException(PostboxError.ATTACHMENT_TOO_LARGE, position, "." + extension,
                            MAX_ATTACHMENT_BYTES);
                }
                return content;
            } catch (IOException e) {
                throw new InvalidInputException(PostboxError.ATTACHMENT_UNREADABLE, e, position,
                        e.getClass().getSimpleName());
            }
        }

        /** {@code \ / : * ? " < | >} and control characters become {@code _}, as the BundID postbox does. */
        static String safeFilename(String filename) {
            StringBuilder safe = new StringBuilder(filename.length());
            for (char c : filename.strip().toCharArray()) {
                safe.append("\\/:*?\"<|>".indexOf(c) >= 0 || Character.isISOControl(c) ? '_' : c);
            }
            return safe.toString();
        }

        private static String text(String field, String value, int max) {
            Objects.requireNonNull(value, field);
            if (value.isBlank() || value.length() > max) {
                throw new InvalidInputException(PostboxError.FIELD_LENGTH, field, value.length(), "1.." + max);
            }
            return value;
        }

        private static String notEmpty(String field, String html) {
            if (html.isBlank()) {
                throw new InvalidInputException(PostboxError.FIELD_LENGTH, field, 0, "at least 1 after sanitising");
            }
            return html;
        }

        private static void require(String field, String value) {
            if (value == null) {
                throw new InvalidInputException(PostboxError.FIELD_LENGTH, field, 0, "a value (it is required)");
            }
        }

        private static String address(String field, String address) {
            Objects.requireNonNull(address, field);
            if (address.length() > MAX_ADDRESS) {
                throw new InvalidInputException(PostboxError.ADDRESS_INVALID, field,
                        address.length() + " characters, at most " + MAX_ADDRESS);
            }
            try {
                InternetAddress parsed = new InternetAddress(address, true);
                if (parsed.getPersonal() != null || !address.contains("@") || address.contains(" ")) {
                    throw new AddressException("a bare address is needed");
                }
            } catch (AddressException e) {
                throw new InvalidInputException(PostboxError.ADDRESS_INVALID, field, "not of the form name@domain");
            }
            return address;
        }
    }
}
