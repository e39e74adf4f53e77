package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.crypto.KeyError;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OzgExceptionArgumentsTest {

    /** Stands for a value decoded from the wire whose {@code toString()} fails (e.g. a broken X.500 name). */
    private static final class UnreadableName {
        @Override
        public String toString() {
            throw new IllegalArgumentException("Invalid UTF-8 input");
        }
    }

    @Test
    void anArgumentWhoseTextCannotBeReadStillGivesTheError() {
        SecurityCheckException e = new SecurityCheckException(KeyError.CERTIFICATE_MALFORMED, "1f",
                new UnreadableName());

        assertThat(e.code()).isEqualTo(KeyError.CERTIFICATE_MALFORMED);
        assertThat(e.getMessage()).contains("OZG-KEY-117").contains("(unreadable UnreadableName)");
        assertThat(e.userMessage(Locale.GERMAN)).contains("1f");
    }
}
