package io.smcdoctor.catalog.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed YAML value that remembers where it was written, so validation messages can say
 * {@code file:line:column}. Only the three shapes the catalog uses exist: mappings, sequences and scalars.
 */
sealed interface YamlNode permits YamlNode.MapNode, YamlNode.ListNode, YamlNode.ScalarNode {

    /** Where the node starts. */
    Mark mark();

    /** A short word for messages: "a mapping", "a list", "a scalar". */
    String kind();

    /** A position in a knowledge file; line and column are 1-based. */
    record Mark(String file, int line, int column) {
    }

    /** One key of a mapping, with the key's own position. */
    record Field(String key, Mark keyMark, YamlNode value) {
    }

    /** A mapping with its keys in file order. */
    record MapNode(Mark mark, Map<String, Field> fields) implements YamlNode {
        public MapNode {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        Optional<Field> field(String key) {
            return Optional.ofNullable(fields.get(key));
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record ListNode(Mark mark, List<YamlNode> items) implements YamlNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar as written (numbers and booleans keep their source text), {@code isNull} for {@code ~},
     * {@code null} or an empty value.
     */
    record ScalarNode(Mark mark, String text, boolean isNull) implements YamlNode {
        @Override
        public String kind() {
            return "a scalar";
        }
    }
}
