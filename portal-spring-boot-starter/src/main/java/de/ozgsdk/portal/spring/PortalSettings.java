package de.ozgsdk.portal.spring;

import de.ozgsdk.core.OzgException;
import de.ozgsdk.core.crypto.PrivateKeyCredential;
import de.ozgsdk.core.crypto.Sealer;
import de.ozgsdk.core.crypto.TrustedCertificates;
import de.ozgsdk.http.HttpClientConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.Environment;

/**
 * Turns the {@code ozg.portal} settings into the SDK's key material and client configurations, naming the setting in
 * every failure, and warns when a secret stands in a configuration file instead of a file or environment variable.
 */
final class PortalSettings {

    private static final Logger LOG = LoggerFactory.getLogger(PortalSettings.class);

    private final Environment environment;

    PortalSettings(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    static <T> T required(T value, String setting, String why) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw PortalSettingException.missing(setting, why);
        }
        return value;
    }

    /** The sealer from {@code ozg.portal.sealing}: at least one key, each from a file or a value. */
    Sealer sealer(OzgPortalProperties.Sealing sealing) {
        if (sealing.getKeys().isEmpty()) {
            throw PortalSettingException.missing("ozg.portal.sealing.keys[0].file",
                    "drafts, receipts and outbox payloads are sealed at rest with AES-256 (a 32-byte key in Base64)");
        }
        Sealer.Builder builder = Sealer.builder();
        for (int i = 0; i < sealing.getKeys().size(); i++) {
            OzgPortalProperties.SealingKey key = sealing.getKeys().get(i);
            String prefix = "ozg.portal.sealing.keys[" + i + "]";
            String id = required(key.getId(), prefix + ".id", "every sealing key has an id stored with the records");
            String base64;
            if (key.getKeystore().getPath() != null) {
                base64 = Base64.getEncoder().encodeToString(secretKey(prefix + ".keystore", key.getKeystore()));
            } else if (key.getFile() != null) {
                base64 = readText(prefix + ".file", key.getFile()).strip();
            } else {
                base64 = required(key.getValue(), prefix + ".file",
                        "the key is read from a file, a key store (.keystore) or given as .value from the environment");
                warnIfInConfigurationFile(prefix + ".value");
            }
            try {
                builder.keyBase64(id, base64);
            } catch (OzgException e) {
                throw PortalSettingException.invalid(prefix, "not a 32-byte key in Base64 (" + e.code().code() + ")",
                        e);
            }
        }
        if (sealing.getPrimary() != null) {
            builder.primary(sealing.getPrimary());
        }
        return builder.build();
    }

    /** The bytes of the AES secret key entry of a PKCS#12 key store. */
    private byte[] secretKey(String setting, OzgPortalProperties.KeyStoreSetting store) {
        String alias = required(store.getAlias(), setting + ".alias", "the key store entry of the sealing key");
        char[] password = store.getPassword() == null ? new char[0] : store.getPassword().toCharArray();
        if (store.getPassword() != null) {
            warnIfInConfigurationFile(setting + ".password");
        }
        try (InputStream in = Files.newInputStream(store.getPath())) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password);
            if (!(keyStore.getKey(alias, password) instanceof SecretKey secret)) {
                throw new PortalSettingException(StarterError.KEY_FILE_UNREADABLE, setting + ".path", null,
                        setting + ".path", store.getPath(), "no secret key entry " + alias);
            }
            return secret.getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new PortalSettingException(StarterError.KEY_FILE_UNREADABLE, setting + ".path", e,
                    setting + ".path", store.getPath(), e.getClass().getSimpleName());
        }
    }

    /** The private key and chain of a PKCS#12 key store setting; the password may come from anywhere. */
    PrivateKeyCredential credential(String setting, OzgPortalProperties.KeyStoreSetting store, String why) {
        Path path = required(store.getPath(), setting + ".path", why);
        String password = store.getPassword() == null ? "" : store.getPassword();
        if (store.getPassword() != null) {
            warnIfInConfigurationFile(setting + ".password");
        }
        try {
            return store.getAlias() == null
                    ? PrivateKeyCredential.fromPkcs12(path, password.toCharArray())
                    : PrivateKeyCredential.fromPkcs12(path, password.toCharArray(), store.getAlias());
        } catch (OzgException e) {
            throw new PortalSettingException(StarterError.KEY_FILE_UNREADABLE, setting + ".path", e, setting + ".path",
                    path, e.code().code());
        }
    }

    Optional<PrivateKeyCredential> optionalCredential(String setting, OzgPortalProperties.KeyStoreSetting store) {
        return store.getPath() == null ? Optional.empty() : Optional.of(credential(setting, store, ""));
    }

    TrustedCertificates trust(String setting, Path file) {
        try {
            return TrustedCertificates.load(file);
        } catch (OzgException e) {
            throw new PortalSettingException(StarterError.KEY_FILE_UNREADABLE, setting, e, setting, file,
                    e.code().code());
        }
    }

    /** A client configuration with the optional client certificate and trust anchors of a setting group. */
    HttpClientConfig http(String component, String keystoreSetting, OzgPortalProperties.KeyStoreSetting keystore,
            String trustSetting, Path trustAnchors) {
        HttpClientConfig.Builder builder = HttpClientConfig.builder().component(component);
        optionalCredential(keystoreSetting, keystore).ifPresent(builder::clientCredential);
        if (trustAnchors != null) {
            builder.trustedCertificates(trust(trustSetting, trustAnchors));
        }
        return builder.build();
    }

    /** A secret (value or password) was set: fine from the environment, a warning from a file. */
    String secret(String setting, String value, String why) {
        required(value, setting, why);
        warnIfInConfigurationFile(setting);
        return value;
    }

    static String readText(String setting, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PortalSettingException(StarterError.KEY_FILE_UNREADABLE, setting, e, setting, file,
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Logs a warning naming the file and line when {@code setting} comes from a configuration file (which ends up in
     * repositories and images); the value itself is never logged.
     */
    void warnIfInConfigurationFile(String setting) {
        origin(setting).flatMap(PortalSettings::file).ifPresent(origin -> LOG.warn(
                "the secret {} is set in the configuration file {}: move it into a file (a mounted secret) or an"
                        + " environment variable", setting, origin));
    }

    /** The file position behind an origin (Spring Boot wraps it in the origin of its property source). */
    private static Optional<TextResourceOrigin> file(Origin origin) {
        for (Origin o = origin; o != null; ) {
            if (o instanceof TextResourceOrigin text) {
                return Optional.of(text);
            }
            o = o instanceof PropertySourceOrigin source && source.getOrigin() != null ? source.getOrigin()
                    : o.getParent();
        }
        return Optional.empty();
    }

    private Optional<Origin> origin(String setting) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(setting);
        Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
        for (ConfigurationPropertySource source : sources) {
            ConfigurationProperty property = source.getConfigurationProperty(name);
            if (property != null) {
                return Optional.ofNullable(property.getOrigin());
            }
        }
        return Optional.empty();
    }

    static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
