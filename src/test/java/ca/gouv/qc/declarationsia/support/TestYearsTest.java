package ca.gouv.qc.declarationsia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Two classes asking for years, even before either has a campaign, never get the same one. */
class TestYearsTest {

    @Test
    void consecutive_years_handed_out_once_within_those_the_campaign_table_accepts() {
        int pair = TestYears.take(2);
        int three = TestYears.take(3);
        int one = TestYears.take();
        Set<Integer> years = new HashSet<>();
        IntStream.range(pair, pair + 2).forEach(years::add);
        IntStream.range(three, three + 3).forEach(years::add);
        years.add(one);
        assertThat(years).as("six years, none handed out twice").hasSize(6)
                .allSatisfy(year -> assertThat(year).isBetween(TestYears.FIRST, TestYears.LAST))
                .doesNotContain(2026, 2027);
    }
}
