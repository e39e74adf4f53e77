package de.ozgsdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class HttpClientConfigTest {

    @Test
    void hasDocumentedSecureDefaults() {
        HttpClientConfig defaults = HttpClientConfig.defaults();

        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.writeTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.maxRetries()).isEqualTo(2);
        assertThat(defaults.backoffBase()).isEqualTo(Duration.ofMillis(200));
        assertThat(defaults.backoffCap()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.clientCredential()).isEmpty();
        assertThat(defaults.trustedCertificates()).isEmpty();
        assertThat(OzgHttpClients.userAgent(defaults)).matches("ozg-sdk/\\S+");
    }

    @Test
    void derivesChangedCopyWithoutTouchingTheOriginal() {
        HttpClientConfig original = HttpClientConfig.builder().component("tsa").maxRetries(1).build();

        HttpClientConfig copy = original.toBuilder().maxRetries(4).build();

        assertThat(copy.maxRetries()).isEqualTo(4);
        assertThat(copy.component()).contains("tsa");
        assertThat(original.maxRetries()).isEqualTo(1);
    }

    @Test
    void rejectsZeroTimeoutNamingTheSetting() {
        assertThatThrownBy(() -> HttpClientConfig.builder().readTimeout(Duration.ZERO))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo(HttpError.TIMEOUT_INVALID);
                    assertThat(e.userMessage(Locale.ENGLISH)).contains("readTimeout");
                });
    }

    @Test
    void rejectsRetriesOutOfRange() {
        assertThatThrownBy(() -> HttpClientConfig.builder().maxRetries(11))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(HttpError.RETRIES_INVALID));
    }

    @Test
    void rejectsBackoffBaseAboveCap() {
        assertThatThrownBy(() -> HttpClientConfig.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(HttpError.BACKOFF_INVALID));
    }

    @Test
    void rejectsComponentThatIsNoToken() {
        assertThatThrownBy(() -> HttpClientConfig.builder().component("e pay/bl"))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo(HttpError.COMPONENT_INVALID));
    }

    @Test
    void rejectsIdempotencyKeyWithSpaceOrUmlaut() {
        for (String bad : new String[] {"", "with space", "schlüssel", "x".repeat(256)}) {
            assertThatThrownBy(() -> IdempotencyKey.of(bad))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.code()).isEqualTo(HttpError.IDEMPOTENCY_KEY_INVALID));
        }
    }

    @Test
    void idempotencyKeySetsHeaderAndTag() {
        IdempotencyKey key = IdempotencyKey.of("order-1");

        Request request = key.applyTo(new Request.Builder().url("https://example.invalid/")).build();

        assertThat(request.header(IdempotencyKey.HEADER)).isEqualTo("order-1");
        assertThat(request.tag(IdempotencyKey.class)).isEqualTo(key);
        assertThat(IdempotencyKey.random()).isNotEqualTo(IdempotencyKey.random());
    }
}
