package io.smcdoctor.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The text reports' number formatting, kept off java.util.Formatter, writes what Formatter writes. */
class TextsTest {
    @Test
    void twoDecimals_isWhatPercentPointTwoFWrites() {
        // every confidence the ranking gives (hundredths), the halves between them, and arbitrary values in [0, 1]
        for (int k = 0; k <= 100; k++) {
            assertSameAsFormatter(k / 100.0);
            assertSameAsFormatter((k + 0.5) / 100.0);
        }
        for (double v : new double[] {0.125, 0.285, 0.995, 0.005, 0.015, 1.0, 0.0, 0.3333333333, 0.6666666667}) {
            assertSameAsFormatter(v);
        }
        SplittableRandom random = new SplittableRandom(18);
        for (int i = 0; i < 10_000; i++) {
            assertSameAsFormatter(random.nextDouble());
        }
    }

    @Test
    void withCount_fillsTheOneDecimal() {
        assertThat(Texts.withCount("... %d more lines (--format json lists all)", 12))
                .isEqualTo(String.format(Locale.ROOT, "... %d more lines (--format json lists all)", 12));
        assertThat(Texts.withCount("... ほか %d 行", 3)).isEqualTo("... ほか 3 行");
    }

    private static void assertSameAsFormatter(double value) {
        assertThat(Texts.twoDecimals(value)).as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
    }
}
