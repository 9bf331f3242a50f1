package io.github.machineusers.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void lowerCasesTheSameWayWhateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            // In a Turkish locale "I".toLowerCase() is a dotless ı, which would never match "i".
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(SearchText.of("INLET Sensor")).isEqualTo("inlet sensor");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void fitsTheColumnWithoutSplittingASurrogatePair() {
        assertThat(SearchText.of("a".repeat(300))).hasSize(SearchText.MAX_LENGTH);
        String cut = SearchText.of("a".repeat(SearchText.MAX_LENGTH - 1) + "\uD83D\uDE00" + "tail");
        assertThat(cut).hasSize(SearchText.MAX_LENGTH - 1).isEqualTo("a".repeat(SearchText.MAX_LENGTH - 1));
    }

    @Test
    void keepsNullAsNull() {
        assertThat(SearchText.of(null)).isNull();
    }
}
