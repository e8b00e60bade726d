package io.smcdoctor.knowledge.internal;

import io.smcdoctor.Answers.Answer;
import io.smcdoctor.catalog.LocalizedText;
import java.util.List;
import java.util.Objects;

/**
 * One searchable catalog entry.
 *
 * @param id          answer id (see {@link Answer#id()})
 * @param kind        entry kind
 * @param title       one line
 * @param text        the explanation shown to users
 * @param searchText  more text that is searched but not shown (cause details, check summaries)
 * @param keywords    exact identifiers: codes, constant names, option names, commands
 * @param phrases     symptom phrases users type (lower case, English or Japanese)
 * @param names       names of the thing itself that a question may contain (a command {@code smcr stats}, a sysctl
 *                    {@code limit_smc_hs}, a kernel function, an application); matched as whole words
 * @param reasonCodes related codes as lower-case hex
 * @param commands    commands that check or fix it
 * @param references  sources
 */
public record Entry(String id, Answer.Kind kind, LocalizedText title, LocalizedText text, LocalizedText searchText,
                    List<String> keywords, List<String> phrases, List<String> names, List<String> reasonCodes,
                    List<String> commands, List<String> references) {
    public Entry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(searchText, "searchText");
        keywords = List.copyOf(keywords);
        phrases = List.copyOf(phrases);
        names = List.copyOf(names);
        reasonCodes = List.copyOf(reasonCodes);
        commands = List.copyOf(commands);
        references = List.copyOf(references);
    }

    /** An entry without names. */
    public Entry(String id, Answer.Kind kind, LocalizedText title, LocalizedText text, LocalizedText searchText,
                 List<String> keywords, List<String> phrases, List<String> reasonCodes, List<String> commands,
                 List<String> references) {
        this(id, kind, title, text, searchText, keywords, phrases, List.of(), reasonCodes, commands, references);
    }
}
