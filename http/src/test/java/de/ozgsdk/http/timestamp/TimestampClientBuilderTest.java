package de.ozgsdk.http.timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import de.ozgsdk.core.ConfigurationException;
import de.ozgsdk.core.OzgException;

class TimestampClientBuilderTest {

    @Test
    void refusesRelativeUrl() {
        assertConfigurationError(() -> TimestampClient.builder().url("/tsa"), TimestampError.TSA_URL_INVALID);
    }

    @Test
    void refusesUrlWithCredentials() {
        assertThatThrownBy(() -> TimestampClient.builder().url("https://user:secret@tsa.example.de/tsa"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void refusesToBuildWithoutUrl() {
        assertConfigurationError(
                () -> TimestampClient.builder().trustAnchors(List.of(TestPki.CA.certificate())).build(),
                TimestampError.TSA_URL_INVALID);
    }

    @Test
    void refusesToBuildWithoutTrustAnchors() {
        assertConfigurationError(() -> TimestampClient.builder().url("https://tsa.example.de/tsa").build(),
                TimestampError.TRUST_ANCHORS_MISSING);
    }

    @Test
    void refusesEmptyTrustAnchors() {
        assertConfigurationError(() -> TimestampClient.builder().trustAnchors(List.of()),
                TimestampError.TRUST_ANCHORS_MISSING);
    }

    @Test
    void refusesMalformedPolicyOid() {
        assertConfigurationError(() -> TimestampClient.builder().policy("policy-1"),
                TimestampError.POLICY_OID_INVALID);
    }

    @Test
    void refusesNegativeClockSkew() {
        assertConfigurationError(() -> TimestampClient.builder().allowedClockSkew(Duration.ofSeconds(-1)),
                TimestampError.CLOCK_SKEW_INVALID);
    }

    @Test
    void refusesClockSkewAboveOneHour() {
        assertConfigurationError(() -> TimestampClient.builder().allowedClockSkew(Duration.ofMinutes(61)),
                TimestampError.CLOCK_SKEW_INVALID);
    }

    @Test
    void explainsConfigurationErrorsInGermanAndEnglish() {
        ConfigurationException e = new ConfigurationException(TimestampError.TRUST_ANCHORS_MISSING);

        assertThat(e.userMessage(Locale.GERMAN)).contains("Vertrauensanker", "trustAnchors(...)");
        assertThat(e.userMessage(Locale.ENGLISH)).contains("trust anchor", "trustAnchors(...)");
    }

    @Test
    void everyErrorCodeHasGermanAndEnglishMessage() {
        for (TimestampError code : TimestampError.values()) {
            ConfigurationException e = new ConfigurationException(code, "a", "b", "c", "d");
            assertThat(e.userMessage(Locale.GERMAN)).as(code.code()).doesNotStartWith(code.code());
            assertThat(e.userMessage(Locale.ENGLISH)).as(code.code()).doesNotStartWith(code.code());
            assertThat(code.code()).startsWith("OZG-TSA-");
        }
    }

    private static void assertConfigurationError(Runnable configure, TimestampError expected) {
        assertThatThrownBy(configure::run)
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((OzgException) e).code()).isEqualTo(expected);
    }
}
