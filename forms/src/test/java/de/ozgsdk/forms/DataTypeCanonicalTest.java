package de.ozgsdk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataTypeCanonicalTest {

    @Test
    void writesGermanNotationInCanonicalForm() {
        assertThat(DataType.DATE.canonical("1.2.2024")).contains("2024-02-01");
        assertThat(DataType.NUM_CURRENCY.canonical(" 12,50 ")).contains("12.50");
        assertThat(DataType.DATETIME.canonical("31.01.2024 14:30")).contains("2024-01-31T14:30");
        assertThat(DataType.BOOL.canonical("TRUE")).contains("true");
    }

    @Test
    void refusesTextsThatAreNoValueOfTheType() {
        assertThat(DataType.DATE.canonical("31.02.2024")).isEmpty();
        assertThat(DataType.NUM_INT.canonical("1.5")).isEmpty();
        assertThat(DataType.BOOL.canonical("ja")).isEmpty();
    }

    @Test
    void keepsTextButStripsIt() {
        assertThat(DataType.TEXT.canonical("  Müller ")).contains("Müller");
    }
}
