package de.ozgsdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgsdk.core.timestamp.TimestampError;
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
        SecurityCheckException e = new SecurityCheckException(TimestampError.SIGNATURE_INVALID, "1f",
                new UnreadableName());

        assertThat(e.code()).isEqualTo(TimestampError.SIGNATURE_INVALID);
        assertThat(e.getMessage()).contains("OZG-TSA-308").contains("(unreadable UnreadableName)");
        assertThat(e.userMessage(Locale.GERMAN)).contains("1f");
    }
}
