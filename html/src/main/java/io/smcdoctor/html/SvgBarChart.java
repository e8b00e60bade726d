package io.smcdoctor.html;

import java.util.List;
import java.util.Objects;

/**
 * A horizontal bar chart drawn as inline SVG by our own code (no script, no external resource): one row per item,
 * one panel per series, each panel on its own linear scale from zero, because the series of one chart may differ by
 * orders of magnitude (a handful of sockets in a listing next to thousands of fallbacks a kernel counter saw since
 * boot) and must not share an axis. Every bar carries its exact value as text, so the chart reads without a scale.
 *
 * <p>Reusable piece, with {@link HtmlPage} and {@link Html}: it knows nothing about diagnoses. A page builds the rows
 * (reason codes in a report; causes by host count on the fleet summary, with a single series) and puts
 * {@link #render} into its body; colours come from the page's stylesheet ({@code .s0}, {@code .s1}, ... fill a
 * series' bars, {@code .value}, {@code .label}, {@code .detail}, {@code .series}, {@code .axis} style text and lines),
 * so the chart follows the page's light, dark and print styles. The markup carries {@code data-key} and
 * {@code data-value} on each bar for tests and scripts. Stateless.
 */
public final class SvgBarChart {
    /** A value that is not known (e.g. no stats file): drawn as a dash, not as zero. */
    public static final long UNKNOWN = -1;

    private static final int WIDTH = 760;
    private static final int LABEL_WIDTH = 250;
    private static final int GAP = 18;
    private static final int TOP = 30;
    private static final int ROW = 26;
    private static final int BAR = 16;
    private static final int VALUE_ROOM = 64;
    private static final int LABEL_CHARS = 34;
    private static final int MIN_DETAIL = 8;

    private SvgBarChart() {
    }

    /**
     * One row of the chart.
     *
     * @param key    short identifier shown first in monospace (e.g. {@code 0x03030000}), also the bar's {@code data-key}
     * @param detail text after the key (e.g. {@code NOSMCDEV}), may be empty
     * @param values one value per series, {@link #UNKNOWN} where not known
     */
    public record Row(String key, String detail, List<Long> values) {
        /** Copies the values. */
        public Row {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(detail, "detail");
            values = List.copyOf(values);
        }
    }

    /**
     * The chart as an {@code <svg>} element.
     *
     * @param title  accessible title (read by screen readers, shown as a tooltip)
     * @param series the series names, one panel each, shown above the panels
     * @param unit   per series, the word after a value in a bar's tooltip (e.g. "sockets")
     * @param rows   the rows, top to bottom; each has one value per series
     * @throws IllegalArgumentException when a row's values do not match the series
     */
    public static String render(String title, List<String> series, List<String> unit, List<Row> rows) {
        if (series.isEmpty() || unit.size() != series.size()) {
            throw new IllegalArgumentException("need one unit per series, got " + series.size() + " series and "
                    + unit.size() + " units");
        }
        for (Row r : rows) {
            if (r.values().size() != series.size()) {
                throw new IllegalArgumentException("row " + r.key() + " has " + r.values().size() + " values for "
                        + series.size() + " series");
            }
        }
        int n = series.size();
        int panel = (WIDTH - LABEL_WIDTH - GAP * (n - 1)) / n;
        int height = TOP + ROW * rows.size() + 8;
        StringBuilder sb = new StringBuilder(1024 + rows.size() * 400 * n);
        sb.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" aria-label=\"").append(Html.text(title)).append("\">");
        sb.append("<title>").append(Html.text(title)).append("</title>");
        sb.append("<g class=\"labels\">");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = TOP + ROW * i + BAR - 3;
            // the label column holds about LABEL_CHARS characters: a longer key is cut, and the detail is shown only
            // where a few of its characters fit (the bar's tooltip has both in full)
            String key = shorten(r.key(), LABEL_CHARS);
            sb.append("<text class=\"label\" x=\"0\" y=\"").append(y).append("\"><tspan class=\"key\">")
                    .append(Html.text(key)).append("</tspan>");
            int room = LABEL_CHARS - key.length();
            if (!r.detail().isEmpty() && room >= MIN_DETAIL) {
                sb.append("<tspan class=\"detail\" dx=\"8\">")
                        .append(Html.text(shorten(r.detail(), room))).append("</tspan>");
            }
            sb.append("</text>");
        }
        sb.append("</g>");
        for (int s = 0; s < n; s++) {
            int x0 = LABEL_WIDTH + s * (panel + GAP);
            long max = 0;
            for (Row r : rows) {
                max = Math.max(max, r.values().get(s));
            }
            int room = panel - VALUE_ROOM;
            sb.append("<g class=\"panel\" data-series=\"").append(s).append("\">");
            sb.append("<text class=\"series\" x=\"").append(x0).append("\" y=\"14\">").append(Html.text(series.get(s)))
                    .append("</text>");
            sb.append("<line class=\"axis\" x1=\"").append(x0).append("\" y1=\"").append(TOP - 6).append("\" x2=\"")
                    .append(x0).append("\" y2=\"").append(height - 4).append("\"/>");
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                long v = r.values().get(s);
                int y = TOP + ROW * i;
                int w = v <= 0 || max <= 0 ? 0 : (int) Math.max(2, Math.round((double) v / max * room));
                sb.append("<g class=\"bar\" data-key=\"").append(Html.text(r.key())).append("\" data-value=\"")
                        .append(v).append("\"><title>").append(Html.text(r.key()))
                        .append(r.detail().isEmpty() ? "" : " " + Html.text(r.detail())).append(": ")
                        .append(v == UNKNOWN ? "–" : format(v) + " " + Html.text(unit.get(s))).append("</title>");
                if (w > 0) {
                    sb.append("<rect class=\"s").append(s).append("\" x=\"").append(x0 + 1).append("\" y=\"").append(y)
                            .append("\" width=\"").append(w).append("\" height=\"").append(BAR).append("\" rx=\"2\"/>");
                }
                sb.append("<text class=\"value\" x=\"").append(x0 + w + 6).append("\" y=\"").append(y + BAR - 3)
                        .append("\">").append(v == UNKNOWN ? "–" : format(v)).append("</text></g>");
            }
            sb.append("</g>");
        }
        return sb.append("</svg>").toString();
    }

    /** Plain digits, as the tools print counters. */
    public static String format(long v) {
        return Long.toString(v);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
