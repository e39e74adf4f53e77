package de.ozgsdk.cli.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import de.ozgsdk.cli.CliError;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.transfer.fitconnect.FitConnectConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings of {@code ozg transfer}: each one from the {@code --config} properties file, else from its environment
 * variable ({@code ozg.transfer.client-secret} ↔ {@code OZG_TRANSFER_CLIENT_SECRET}); never from the command line,
 * so that secrets stay out of shell histories and process lists. Relative paths in the file are relative to the file.
 */
final class TransferSettings {

    static final String PREFIX = "ozg.transfer.";
    static final String TOKEN_ENDPOINT = "token-endpoint";
    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";
    static final String SUBMISSION_API = "submission-api";
    static final String SERVICE_JWKS = "service-jwks";
    static final String ROUTING_API = "routing-api";
    static final String PORTAL_JWKS = "portal-jwks";
    static final String TRUST_ANCHOR = "trust-anchor";
    static final String LEDGER_DIR = "ledger-dir";
    static final String DECRYPTION_KEY = "decryption-key";
    static final String SIGNING_KEY = "signing-key";
    static final String METADATA_SCHEMA = "metadata-schema";

    private final Properties file;
    private final Path base;
    private final Map<String, String> environment;

    private TransferSettings(Properties file, Path base, Map<String, String> environment) {
        this.file = file;
        this.base = base;
        this.environment = environment;
    }

    /** The settings of {@code configFile} (may be null: environment only) and {@code environment}. */
    static TransferSettings load(Path configFile, Map<String, String> environment) {
        Properties properties = new Properties();
        Path base = Path.of("");
        if (configFile != null) {
            Inputs.requireReadableFile(configFile);
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationException(CliError.TRANSFER_SETTING_INVALID, e, "--config " + configFile,
                        "not a readable properties file in UTF-8: " + e.getClass().getSimpleName(), "-");
            }
            Path parent = configFile.toAbsolutePath().getParent();
            base = parent == null ? base : parent;
        }
        return new TransferSettings(properties, base, Map.copyOf(environment));
    }

    /** The environment variable of setting {@code name}. */
    static String environmentName(String name) {
        return (PREFIX + name).replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    Optional<String> optional(String name) {
        String value = file.getProperty(PREFIX + name);
        if (value == null || value.isBlank()) {
            value = environment.get(environmentName(name));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigurationException(CliError.TRANSFER_SETTING_MISSING,
                PREFIX + name, environmentName(name)));
    }

    /** The FIT-Connect client settings: token endpoint, client, Submission API, trust anchor, optional JWKS URLs. */
    FitConnectConfig fitConnect() {
        FitConnectConfig.Builder config = FitConnectConfig.builder()
                .tokenEndpoint(url(TOKEN_ENDPOINT, required(TOKEN_ENDPOINT)))
                .client(required(CLIENT_ID), required(CLIENT_SECRET))
                .submissionApi(url(SUBMISSION_API, required(SUBMISSION_API)))
                .trustAnchors(trustAnchors());
        optional(SERVICE_JWKS).ifPresent(jwks -> config.serviceJwks(url(SERVICE_JWKS, jwks)));
        Optional<String> routing = optional(ROUTING_API);
        if (routing.isPresent()) {
            config.routing(url(ROUTING_API, routing.get()), url(PORTAL_JWKS, required(PORTAL_JWKS)));
        }
        return config.build();
    }

    /** The directory of the sender's ledger database (default {@code ~/.ozg/transfer}). */
    Path ledgerDirectory() {
        return optional(LEDGER_DIR).map(this::path)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".ozg", "transfer"));
    }

    /** A private RSA key with its {@code kid} from the JWK file of setting {@code name}. */
    KeyFile privateKey(String name) {
        Path path = path(required(name));
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw invalid(name, "no readable file " + path, null);
        }
        try {
            RSAKey key = RSAKey.parse(Files.readString(path, StandardCharsets.UTF_8));
            if (!key.isPrivate() || key.getKeyID() == null) {
                throw invalid(name, "the JWK in " + path + " must be a private RSA key with a kid", null);
            }
            return new KeyFile(key.getKeyID(), key.toPrivateKey());
        } catch (IOException | ParseException | JOSEException e) {
            // The parser's message may quote key material: name the exception only.
            throw invalid(name, "no private RSA JWK in " + path + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** A file of setting {@code name} that must exist. */
    Path existingFile(String name) {
        Path path = path(required(name));
        if (!Files.isRegularFile(path)) {
            throw invalid(name, "no file " + path, null);
        }
        return path;
    }

    private TrustedCertificates trustAnchors() {
        Path path = path(required(TRUST_ANCHOR));
        try {
            return TrustedCertificates.load(path);
        } catch (OzgException e) {
            throw invalid(TRUST_ANCHOR, e.userMessage(Locale.ENGLISH), e);
        }
    }

    private Path path(String value) {
        return base.resolve(value);
    }

    private URI url(String name, String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw invalid(name, "not an absolute http(s) URL: " + value, null);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(name, "not a URL: " + e.getReason(), e);
        }
    }

    private static ConfigurationException invalid(String name, String why, Throwable cause) {
        String names = PREFIX + name;
        return cause == null
                ? new ConfigurationException(CliError.TRANSFER_SETTING_INVALID, names, why, environmentName(name))
                : new ConfigurationException(CliError.TRANSFER_SETTING_INVALID, cause, names, why,
                        environmentName(name));
    }

    /** A private key and its key id. */
    record KeyFile(String kid, PrivateKey key) {
    }
}
