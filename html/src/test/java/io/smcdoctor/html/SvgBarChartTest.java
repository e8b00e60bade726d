package io.smcdoctor.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgBarChartTest {
    private static final Pattern RECT = Pattern.compile("<rect class=\"s(\\d)\" x=\"\\d+\" y=\"\\d+\" width=\"(\\d+)\"");

    @Test
    void render_eachSeriesOnItsOwnScale_largestBarOfEachPanelHasTheSameLength() {
        String svg = SvgBarChart.render("t", List.of("sockets", "counters"), List.of("sockets", "fallbacks"), List.of(
                new SvgBarChart.Row("0x03030000", "NOSMCDEV", List.of(8L, 4120L)),
                new SvgBarChart.Row("0x05000000", "PEERDECL", List.of(4L, 3129L)),
                new SvgBarChart.Row("0x03010000", "PEER_NO_SMC", List.of(0L, 37L))));

        List<int[]> bars = bars(svg);
        // series 0: 8 and 4 (no bar for 0); series 1: 4120, 3129, 37
        assertThat(bars).extracting(b -> b[0]).containsExactly(0, 0, 1, 1, 1);
        int full0 = bars.get(0)[1];
        int full1 = bars.get(2)[1];
        assertThat(full0).isEqualTo(full1).isGreaterThan(100);
        assertThat(bars.get(1)[1]).isEqualTo(Math.round(full0 / 2f));
        assertThat(bars.get(3)[1]).isEqualTo(Math.round(full1 * 3129f / 4120));
        assertThat(bars.get(4)[1]).isEqualTo(Math.max(2, Math.round(full1 * 37f / 4120)));
        assertThat(svg).contains("data-key=\"0x03010000\" data-value=\"0\"", ">0</text>", ">4120</text>",
                "<title>0x03030000 NOSMCDEV: 8 sockets</title>");
    }

    @Test
    void render_unknownValue_isADashNotZero() {
        String svg = SvgBarChart.render("t", List.of("a", "b"), List.of("u", "v"),
                List.of(new SvgBarChart.Row("k", "", List.of(3L, SvgBarChart.UNKNOWN))));

        assertThat(bars(svg)).hasSize(1);
        assertThat(svg).contains("data-value=\"-1\"><title>k: –</title>", ">–</text>");
    }

    @Test
    void render_labelsAndTitle_areEscaped() {
        String svg = SvgBarChart.render("<t>", List.of("<s>"), List.of("<u>"),
                List.of(new SvgBarChart.Row("<k>", "\"><script>", List.of(1L))));

        assertThat(svg).doesNotContain("<t>", "<s>", "<k>", "<script>", "<u>")
                .contains("&lt;t&gt;", "&lt;k&gt;", "&quot;&gt;&lt;script&gt;");
    }

    @Test
    void render_labels_fitTheLabelColumn_theTooltipKeepsThemWhole() {
        String longKey = "smcrv2-saddr-not-in-rdma-netdev-subnet-of-the-peer"; // 50 characters
        String svg = SvgBarChart.render("t", List.of("hosts"), List.of("hosts"), List.of(
                new SvgBarChart.Row("0x03030000", "NOSMCDEV: no SMC device found", List.of(5L)),
                new SvgBarChart.Row("nosmcdev-pnetid-on-upper-netdev", "The PNET ID is set on an upper device",
                        List.of(3L)),
                new SvgBarChart.Row(longKey, "SMC-Rv2 source address", List.of(1L))));

        // a short key leaves room for its detail, cut to the rest of the 34 characters
        assertThat(svg).contains("<tspan class=\"key\">0x03030000</tspan><tspan class=\"detail\" dx=\"8\">"
                + "NOSMCDEV: no SMC device…</tspan>");
        // a long key: no room for a detail; a longer key is cut
        assertThat(svg).contains("<tspan class=\"key\">nosmcdev-pnetid-on-upper-netdev</tspan></text>",
                "<tspan class=\"key\">smcrv2-saddr-not-in-rdma-netdev-s…</tspan></text>");
        assertThat(svg).contains("<title>" + longKey + " SMC-Rv2 source address: 1 hosts</title>");
    }

    @Test
    void render_valuesNotMatchingTheSeries_areRefused() {
        assertThatThrownBy(() -> SvgBarChart.render("t", List.of("a", "b"), List.of("u", "v"),
                List.of(new SvgBarChart.Row("k", "", List.of(1L))))).hasMessageContaining("row k has 1 values for 2 series");
    }

    @Test
    void render_noRows_isAnEmptyChartNotAnError() {
        assertThat(SvgBarChart.render("t", List.of("a"), List.of("u"), List.of())).startsWith("<svg").endsWith("</svg>");
    }

    private static List<int[]> bars(String svg) {
        List<int[]> out = new ArrayList<>();
        Matcher m = RECT.matcher(svg);
        while (m.find()) {
            out.add(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
        return out;
    }
}
