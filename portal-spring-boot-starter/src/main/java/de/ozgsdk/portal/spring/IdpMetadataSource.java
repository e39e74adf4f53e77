package de.ozgsdk.portal.spring;

import de.ozgsdk.auth.saml.IdpMetadata;
import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.http.HttpClientConfig;
import de.ozgsdk.http.OzgHttpClients;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Where the IdP metadata of the SAML login comes from: a URL (fetched at start and again by every health check, so
 * that an unreachable IdP or a key rollover shows) or a file placed by the operator.
 */
final class IdpMetadataSource {

    /** Metadata of BundID is a few kilobytes; more is not metadata. */
    private static final int MAX_BYTES = 1 << 20;

    private final URI url;
    private final Path file;
    private final OkHttpClient http;

    private IdpMetadataSource(URI url, Path file, Duration timeout) {
        this.url = url;
        this.file = file;
        this.http = url == null ? null : OzgHttpClients.create(HttpClientConfig.builder().component("idp-metadata")
                .maxRetries(0).connectTimeout(timeout).readTimeout(timeout).callTimeout(timeout).build());
    }

    static IdpMetadataSource of(OzgPortalProperties.Saml saml) {
        if (saml.getIdpMetadataUrl() == null && saml.getIdpMetadataFile() == null) {
            throw PortalSettingException.missing("ozg.portal.auth.saml.idp-metadata-url",
                    "the SAML login needs the IdP metadata (or ozg.portal.auth.saml.idp-metadata-file)");
        }
        URI url = saml.getIdpMetadataUrl();
        if (url != null && !isHttpsOrLocal(url)) {
            throw PortalSettingException.invalid("ozg.portal.auth.saml.idp-metadata-url",
                    "metadata is fetched over https only (http only on localhost)", null);
        }
        return new IdpMetadataSource(url, saml.getIdpMetadataFile(), Objects.requireNonNull(
                saml.getMetadataTimeout(), "metadataTimeout"));
    }

    /** Where the metadata is read from, for reports (a URL or path, no secrets). */
    String location() {
        return url != null ? url.toString() : file.toString();
    }

    boolean isRemote() {
        return url != null;
    }

    /**
     * Reads and checks the metadata now.
     *
     * @throws ConfigurationException {@code OZG-SPRING-104} if the URL does not answer with metadata,
     *     {@code OZG-AUTH-*} if the metadata lacks what the SP needs
     */
    IdpMetadata load() {
        if (url == null) {
            try (InputStream in = Files.newInputStream(file)) {
                return IdpMetadata.parse(in, file.toString());
            } catch (IOException e) {
                throw new PortalSettingException(StarterError.KEY_FILE_UNREADABLE,
                        "ozg.portal.auth.saml.idp-metadata-file", e, "ozg.portal.auth.saml.idp-metadata-file", file,
                        e.getClass().getSimpleName());
            }
        }
        byte[] body = fetch();
        return IdpMetadata.parse(new ByteArrayInputStream(body), url.toString());
    }

    private byte[] fetch() {
        Request request = new Request.Builder().url(url.toString()).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful()) {
                throw unreachable("HTTP " + response.code(), null);
            }
            byte[] bytes = body.byteStream().readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw unreachable("more than " + MAX_BYTES + " bytes", null);
            }
            return bytes;
        } catch (IOException e) {
            throw unreachable(e.getClass().getSimpleName(), e);
        }
    }

    private ConfigurationException unreachable(String why, Throwable cause) {
        return new ConfigurationException(StarterError.METADATA_UNREACHABLE, cause, url, why);
    }

    private static boolean isHttpsOrLocal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost();
        return "https".equals(scheme) || "http".equals(scheme)
                && ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host));
    }
}
