package io.smcdoctor.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A problem as users describe it ("no speed-up", "curl fails after enabling SMC-R"), with its causes.
 *
 * @param id           stable kebab-case id, e.g. {@code no-speedup}
 * @param title        one line
 * @param description  the problem as the user sees it
 * @param causes       possible root causes
 * @param relatedCodes reason codes that go with it
 * @param phrases      phrases (English and Japanese, lower case) whose presence in a user's symptom text
 *                     indicates this symptom, e.g. {@code "no speed-up"}, {@code "eaddrinuse"}, {@code "速くならない"}
 * @param references   seed section and other sources
 */
public record Symptom(String id, LocalizedText title, LocalizedText description, List<Cause> causes,
                      List<Integer> relatedCodes, List<String> phrases, List<String> references) {
    public Symptom {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        causes = List.copyOf(causes);
        relatedCodes = List.copyOf(relatedCodes);
        phrases = List.copyOf(phrases);
        references = List.copyOf(references);
    }
}
