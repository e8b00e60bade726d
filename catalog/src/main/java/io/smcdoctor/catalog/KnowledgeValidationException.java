package io.smcdoctor.catalog;

import java.util.List;

/**
 * Knowledge (catalog YAML, rule packs) is invalid or hostile. Carries every problem found, each with
 * {@code file:line:column}, not just the first one.
 */
public class KnowledgeValidationException extends SmcDoctorException {
    private static final long serialVersionUID = 1L;

    /** One problem: where and what. {@code line}/{@code column} are 1-based, 0 when unknown. */
    public record Problem(String file, int line, int column, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    /** Creates the exception from the problems found (at least one). */
    public KnowledgeValidationException(List<Problem> problems) {
        super(summarise(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summarise(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(" in knowledge files:");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
