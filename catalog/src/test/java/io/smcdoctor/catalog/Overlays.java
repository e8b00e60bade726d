package io.smcdoctor.catalog;

import io.smcdoctor.catalog.KnowledgeValidationException.Problem;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Overlay fixtures ({@code /overlays/}) of the catalog tests and the validation problems loading one reports. */
final class Overlays {
    private Overlays() {
    }

    /** The overlay fixture file {@code name}. */
    static Path fixture(String name) {
        try {
            return Path.of(Overlays.class.getResource("/overlays/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The problems of loading {@code overlay}; fails the test when it loads without any. */
    static List<Problem> problems(Path overlay) {
        try {
            Catalog.load(overlay);
        } catch (KnowledgeValidationException e) {
            return e.problems();
        }
        throw new AssertionError("expected KnowledgeValidationException for " + overlay);
    }

    /** The problem at {@code line} whose message contains {@code text}. */
    static Problem at(List<Problem> ps, int line, String text) {
        return ps.stream().filter(p -> p.line() == line && p.message().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at line " + line + " with '" + text + "' in " + ps));
    }
}
