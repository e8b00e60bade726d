/** Self-contained HTML pages (inline style and script under a hash-based CSP, escaping, SVG bar charts). */
module io.smcdoctor.html {
    requires static org.jspecify;

    exports io.smcdoctor.html;
}
