package de.ozgsdk.postbox;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.core.RemoteSystemException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The e-mail that tells a citizen "you have a new message in your postbox", over SMTP (Jakarta Mail, Angus Mail). It
 * holds no personal content: no name, no subject, no text of the message, only a fixed sentence in German or English
 * and the link to the postbox; the address it goes to is never logged.
 *
 * <pre>{@code
 * EmailNotice notice = EmailNotice.builder(smtpHost, 587) // STARTTLS required by default
 *         .from("postfach@stadt.example")
 *         .login("postfach", smtpPassword)
 *         .postboxUrl(URI.create("https://portal.stadt.example/postfach"))
 *         .build();
 * }</pre>
 *
 * <p>Once the message is in the postbox:
 *
 * <pre>{@code
 * notice.send(citizenAddress, Locale.GERMAN); // "Neue Nachricht in Ihrem Postfach", nothing personal
 * }</pre>
 */
public final class EmailNotice {

    private static final Logger LOG = LoggerFactory.getLogger(EmailNotice.class);

    private final String host;
    private final int port;
    private final InternetAddress from;
    private final Optional<URI> postboxUrl;
    private final Session session;
    private final Clock clock;

    private EmailNotice(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.from = builder.from;
        this.postboxUrl = Optional.ofNullable(builder.postboxUrl);
        this.clock = builder.clock;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", Long.toString(builder.timeout.toMillis()));
        properties.put("mail.smtp.timeout", Long.toString(builder.timeout.toMillis()));
        properties.put("mail.smtp.writetimeout", Long.toString(builder.timeout.toMillis()));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(builder.startTls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(builder.startTls));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        Authenticator authenticator = null;
        if (builder.user != null) {
            properties.put("mail.smtp.auth", "true");
            PasswordAuthentication login = new PasswordAuthentication(builder.user, builder.password);
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return login;
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
    }

    /** Starts a notice sent through the SMTP server at {@code host}:{@code port}. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /**
     * Sends the notice to {@code address} in German ({@code Locale.GERMAN}) or English (any other locale).
     *
     * @throws InvalidInputException ({@code OZG-POSTBOX-102}) if the address is no valid address
     * @throws RemoteSystemException ({@code OZG-POSTBOX-140}, retryable) if the SMTP server did not take it
     */
    public void send(String address, Locale locale) {
        InternetAddress to = recipient(address);
        boolean german = locale.getLanguage().equals("de");
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(from);
            mail.setRecipient(Message.RecipientType.TO, to);
            mail.setSentDate(Date.from(clock.instant()));
            mail.setSubject(german ? "Neue Nachricht in Ihrem Postfach" : "New message in your postbox", "UTF-8");
            mail.setText(body(german), "UTF-8");
            Transport.send(mail);
            LOG.info("postbox notice sent through {}:{}", host, port);
        } catch (MessagingException e) {
            // The cause is left out: its text may name the recipient's address.
            throw RemoteSystemException.builder(PostboxError.NOTICE_FAILED, "smtp " + host + ":" + port)
                    .side(RemoteSystemException.Side.UNKNOWN)
                    .arguments(host + ":" + port, e.getClass().getSimpleName())
                    .build();
        }
    }

    private String body(boolean german) {
        String link = postboxUrl.map(url -> (german ? "\n\nZu Ihrem Postfach: " : "\n\nYour postbox: ") + url)
                .orElse("");
        return german
                ? "Guten Tag,\n\nin Ihrem Postfach liegt eine neue Nachricht für Sie. Melden Sie sich an, um sie zu"
                        + " lesen." + link + "\n\nDiese E-Mail wurde automatisch erstellt; bitte antworten Sie nicht."
                : "Hello,\n\nthere is a new message for you in your postbox. Log in to read it." + link
                        + "\n\nThis e-mail was sent automatically; please do not reply.";
    }

    private static InternetAddress recipient(String address) {
        Objects.requireNonNull(address, "address");
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            if (address.length() > PostboxMessage.MAX_ADDRESS || !address.contains("@")) {
                throw new AddressException("too long or no domain");
            }
            return parsed;
        } catch (AddressException e) {
            throw new InvalidInputException(PostboxError.ADDRESS_INVALID, "recipient", "not of the form name@domain");
        }
    }

    @Override
    public String toString() {
        return "EmailNotice[" + host + ":" + port + "]";
    }

    /** Configures an {@link EmailNotice}. */
    public static final class Builder {
        private final String host;
        private final int port;
        private InternetAddress from;
        private String user;
        private String password;
        private boolean startTls = true;
        private URI postboxUrl;
        private Duration timeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (host.isBlank() || port < 1 || port > 65535) {
                throw new ConfigurationException(PostboxError.SETTING_INVALID, "smtp host/port",
                        "a host name and a port from 1 to 65535");
            }
            this.port = port;
        }

        /** The sender address (required), e.g. {@code postfach@stadt.example}. */
        public Builder from(String address) {
            try {
                this.from = new InternetAddress(Objects.requireNonNull(address, "address"), true);
            } catch (AddressException e) {
                throw new ConfigurationException(PostboxError.SETTING_INVALID, "from", "no valid e-mail address");
            }
            return this;
        }

        /** Logs in to the SMTP server (default: no login). */
        public Builder login(String smtpUser, String smtpPassword) {
            this.user = Objects.requireNonNull(smtpUser, "smtpUser");
            this.password = Objects.requireNonNull(smtpPassword, "smtpPassword");
            return this;
        }

        /**
         * Whether STARTTLS is required (default {@code true}); turn it off only for a server on the same host or a
         * test server on loopback.
         */
        public Builder startTls(boolean required) {
            this.startTls = required;
            return this;
        }

        /** The link to the postbox in the notice (default: none). */
        public Builder postboxUrl(URI url) {
            this.postboxUrl = Objects.requireNonNull(url, "url");
            return this;
        }

        /** Connect, read and write timeout (default 30 seconds). */
        public Builder timeout(Duration duration) {
            if (duration.isNegative() || duration.isZero()) {
                throw new ConfigurationException(PostboxError.SETTING_INVALID, "timeout", "more than zero");
            }
            this.timeout = duration;
            return this;
        }

        /** The clock of the {@code Date} header (default: the system clock in UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The notice.
         *
         * @throws ConfigurationException if the sender address is missing
         */
        public EmailNotice build() {
            if (from == null) {
                throw new ConfigurationException(PostboxError.SETTING_INVALID, "from", "missing");
            }
            return new EmailNotice(this);
        }
    }
}
