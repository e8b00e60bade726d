package io.smcdoctor.catalog.internal;

import io.smcdoctor.catalog.KnowledgeValidationException;
import io.smcdoctor.catalog.KnowledgeValidationException.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem found while loading knowledge files, so they are all reported at once. */
final class Problems {
    private final List<Problem> list = new ArrayList<>();

    void add(YamlNode.Mark at, String message) {
        list.add(new Problem(at.file(), at.line(), at.column(), message));
    }

    void add(String file, int line, int column, String message) {
        list.add(new Problem(file, line, column, message));
    }

    void addAll(Problems other) {
        list.addAll(other.list);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    /** Throws if anything was found; problems are sorted by file (in load order), then line and column. */
    void throwIfAny(List<String> fileOrder) {
        if (list.isEmpty()) {
            return;
        }
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.<Problem>comparingInt(p -> orderOf(fileOrder, p.file()))
                .thenComparingInt(Problem::line)
                .thenComparingInt(Problem::column));
        throw new KnowledgeValidationException(sorted);
    }

    private static int orderOf(List<String> fileOrder, String file) {
        int i = fileOrder.indexOf(file);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
