package io.smcdoctor;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.LocalizedText;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One answer of {@link KnowledgeBase#ask(String)}: a catalog entry (reason code, cause, symptom, socket option, or a
 * fact: tool, sysctl, kernel feature, known bug, application)
 * with what a person or a chatbot needs to ground a reply and cite it.
 *
 * @param rank        1-based position in {@link Answers#answers()}
 * @param id          the catalog id: a reason code as lower-case hex ({@code 0x03030000}), a cause or symptom id
 *                    ({@code nosmcdev-ipv6}, {@code no-speedup}) or a socket option as {@code LEVEL:NAME}
 *                    ({@code SOL_TCP:TCP_FASTOPEN}) or a fact id ({@code tool:smcss}, {@code sysctl:net.smc.wmem},
 *                    {@code feature:loopback-ism}, {@code bug:listen-loop}, {@code app:nginx})
 * @param kind        what kind of entry the id names
 * @param title       one line, English and Japanese
 * @param text        the explanation, English and Japanese
 * @param reasonCodes related reason codes as lower-case 10-character hex
 * @param commands    commands that check or fix it, in catalog order, without duplicates
 * @param references  where the knowledge comes from (seed section, kernel constant)
 * @param score       relevance; exact matches of a code or option named in the question score highest.
 *                    Only the order is meaningful, not the value
 */
public record Answer(int rank, String id, Kind kind, LocalizedText title, LocalizedText text, List<String> reasonCodes,
                     List<String> commands, List<String> references, double score) {

    /** The kind of catalog entry an answer is built from. */
    public enum Kind {
        /** A CLC decline / fallback reason code. */
        REASON_CODE,
        /** A root cause of a reason code or symptom. */
        CAUSE,
        /** A problem as users describe it. */
        SYMPTOM,
        /** A row of the socket-option support table. */
        SOCKET_OPTION,
        /** An smc-tools command. */
        TOOL,
        /** A sysctl. */
        SYSCTL,
        /** A kernel feature and the release that added it. */
        KERNEL_FEATURE,
        /** A fixed kernel (or smc-tools) bug. */
        KNOWN_BUG,
        /** An application or workload under SMC. */
        APPLICATION;

        /** The lower-case JSON form, e.g. {@code reason-code}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public Answer {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be >= 1, was " + rank);
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        reasonCodes = List.copyOf(reasonCodes);
        commands = List.copyOf(commands);
        references = List.copyOf(references);
    }

    /** The title in the given language. */
    public String title(Language language) {
        return title.get(language);
    }

    /** The text in the given language. */
    public String text(Language language) {
        return text.get(language);
    }
}
