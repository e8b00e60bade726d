package io.smcdoctor.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;

/**
 * The skeleton of a self-contained report page: one HTML file with its stylesheet ({@code report.css}: light and
 * dark through {@code prefers-color-scheme}, a print style) and its one small script ({@code report.js}: copy buttons,
 * opening collapsed sections for printing, and a mark on the page when a script error or a blocked resource occurs)
 * inline. Nothing is loaded from anywhere: no fonts, images or scripts, so the page works offline and from a mail
 * attachment.
 *
 * <p>The page carries a strict Content-Security-Policy: {@code default-src 'none'} and only the SHA-256 hashes of
 * exactly this stylesheet and this script. Even if evidence text ever reached the page unescaped, an injected
 * {@code <script>}, event handler attribute, {@code style} attribute or external resource would not run or load.
 * Pages therefore never use inline event handlers or {@code style} attributes; SVG presentation attributes (fill,
 * width) are fine.
 *
 * <p>Reusable piece, with {@link SvgBarChart} and {@link Html}: it knows nothing about diagnoses. A page builds its
 * body from {@link Html#text(String)}-escaped text, the CSS classes of {@code report.css} ({@code card},
 * {@code data} tables, {@code cmd} blocks with a {@code copy} button, {@code checklist}, {@code note}) and charts, and
 * wraps it with {@link #render}: the diagnosis report and the fleet summary (causes by host count) are built so.
 * Stateless.
 */
public final class HtmlPage {
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");
    private static final String POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '"
            + sha256(CSS) + "'; base-uri 'none'; form-action 'none'";

    private HtmlPage() {
    }

    /**
     * The whole page.
     *
     * @param languageTag {@code en} or {@code ja}, the page's {@code lang}
     * @param title       the window title (plain text; escaped here)
     * @param generator   who wrote the page (plain text; escaped here)
     * @param body        the body's HTML, built from escaped text
     */
    public static String render(String languageTag, String title, String generator, String body) {
        Objects.requireNonNull(body, "body");
        StringBuilder sb = new StringBuilder(body.length() + CSS.length() + SCRIPT.length() + 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(Html.token(languageTag)).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"generator\" content=\"").append(Html.text(generator)).append("\">\n")
                .append("<title>").append(Html.text(title)).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n")
                .append("<script>").append(SCRIPT).append("</script>\n")
                .append("</head>\n<body>\n").append(body).append("\n</body>\n</html>\n");
        return sb.toString();
    }

    /** The Content-Security-Policy of every page. */
    public static String policy() {
        return POLICY;
    }

    /**
     * A command in a box with a copy button (the page's script copies the box's text); the button's text, its text
     * after copying and when the browser refused to copy (the command is then left selected for Ctrl+C).
     */
    public static void command(StringBuilder sb, String command, String copy, String copied, String failed) {
        sb.append("<div class=\"cmd\"><pre><code>").append(Html.text(command)).append("</code></pre>")
                .append("<button type=\"button\" class=\"copy\" data-label=\"").append(Html.text(copy))
                .append("\" data-done=\"").append(Html.text(copied)).append("\" data-fail=\"").append(Html.text(failed))
                .append("\">").append(Html.text(copy)).append("</button></div>");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + HtmlPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code sha256-BASE64} of the UTF-8 text, as CSP wants it. */
    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
