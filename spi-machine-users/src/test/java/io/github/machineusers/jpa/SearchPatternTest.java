package io.github.machineusers.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchPatternTest {

    @Test
    void aTermIsALowerCasedPrefix() {
        assertThat(SearchPattern.of("Sensor-05")).isEqualTo(new SearchPattern("sensor-05%", false));
    }

    @Test
    void anAsteriskMatchesAnyTextAndEndsThePatternWithoutAnotherWildcard() {
        assertThat(SearchPattern.of("*pump")).isEqualTo(new SearchPattern("%pump%", false));
        assertThat(SearchPattern.of("a*b*")).isEqualTo(new SearchPattern("a%b%", false));
        assertThat(SearchPattern.of("*")).isEqualTo(new SearchPattern("%", false));
    }

    @Test
    void theDatabasesWildcardsAndTheEscapeAreText() {
        assertThat(SearchPattern.of("50%")).isEqualTo(new SearchPattern("50!%%", false));
        assertThat(SearchPattern.of("a_b!")).isEqualTo(new SearchPattern("a!_b!!%", false));
    }

    @Test
    void quotesAskForTheWholeValue() {
        assertThat(SearchPattern.of("\"Beta\"")).isEqualTo(new SearchPattern("beta", true));
        assertThat(SearchPattern.of("\"50%*\"")).isEqualTo(new SearchPattern("50%*", true));
        assertThat(SearchPattern.of("\"")).as("a lone quote is text").isEqualTo(new SearchPattern("\"%", false));
    }
}
