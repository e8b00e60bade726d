package io.smcdoctor.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * What the page tests check in what a browser made of a page ({@link Chromium.Load}): the marks the page's own script
 * leaves on the root element, text as the DOM serialiser writes it, and a screenshot that is not blank.
 */
public final class PageChecks {
    /** The attribute every injected script of the tests sets on the root element; present only if one ran. */
    public static final String MARKER = "data-pwned";

    private PageChecks() {
    }

    /** The start tag of the root element ({@code data-ready}, {@code data-script-error}, ... are there). */
    public static String root(String dom) {
        int start = dom.indexOf("<html");
        return start < 0 ? "" : dom.substring(start, dom.indexOf('>', start) + 1);
    }

    /** Text as the DOM serialiser writes it: made visible as pages do, {@code & < >} escaped, quotes as they are. */
    public static String domText(String s) {
        return Untrusted.visible(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The browser loaded the page cleanly: it exited normally with a document, logged no console message, and the
     * page's own script ran ({@code data-ready}) without an uncaught error, a policy violation or an injected script's
     * {@link #MARKER} on the root element.
     */
    public static void assertLoadedCleanly(Chromium.Load load) {
        assertThat(load.ok()).as("browser exit %d: %s", load.exit(), Chromium.tail(load.stderr())).isTrue();
        assertThat(load.console()).as("console messages").isEmpty();
        assertThat(root(load.dom())).contains("data-ready=\"true\"")
                .doesNotContain("data-script-error", "data-csp-violation", MARKER);
    }

    /**
     * The page follows the system's colour scheme: the corner of the light load is bright, that of the load with
     * {@code --force-dark-mode} dark, and the dark one logged nothing.
     */
    public static void assertFollowsTheColourScheme(Chromium.Load light, Chromium.Load dark) throws IOException {
        assertThat(dark.console()).isEmpty();
        assertThat(luminance(ImageIO.read(light.screenshot().toFile()).getRGB(2, 2))).isGreaterThan(230);
        assertThat(luminance(ImageIO.read(dark.screenshot().toFile()).getRGB(2, 2))).isLessThan(40);
    }

    /** Relative luminance (0..255) of an RGB pixel. */
    public static double luminance(int rgb) {
        return 0.2126 * (rgb >> 16 & 0xff) + 0.7152 * (rgb >> 8 & 0xff) + 0.0722 * (rgb & 0xff);
    }

    /** Not blank: many colours, varied brightness, and a good part of the page differs from the background. */
    public static void assertNotBlank(Chromium.Load load) throws IOException {
        BufferedImage img = ImageIO.read(load.screenshot().toFile());
        assertThat(img).as("screenshot %s", load.screenshot()).isNotNull();
        assertThat(img.getWidth()).isEqualTo(Chromium.WIDTH);
        int background = img.getRGB(2, 2) & 0xffffff;
        Set<Integer> colours = new HashSet<>();
        long differing = 0;
        double sum = 0;
        double sumSq = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                if (rgb != background) {
                    differing++;
                }
                double lum = luminance(rgb);
                sum += lum;
                sumSq += lum * lum;
                n++;
            }
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        double share = (double) differing / n;
        assertAll(
                () -> assertThat(colours.size()).as("distinct colours").isGreaterThan(64),
                () -> assertThat(variance).as("luminance variance").isGreaterThan(200),
                () -> assertThat(share).as("share of non-background pixels").isGreaterThan(0.05));
    }
}
