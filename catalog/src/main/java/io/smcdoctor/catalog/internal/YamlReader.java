package io.smcdoctor.catalog.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.smcdoctor.catalog.internal.YamlNode.Field;
import io.smcdoctor.catalog.internal.YamlNode.ListNode;
import io.smcdoctor.catalog.internal.YamlNode.MapNode;
import io.smcdoctor.catalog.internal.YamlNode.Mark;
import io.smcdoctor.catalog.internal.YamlNode.ScalarNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one knowledge file into a {@link YamlNode} tree that keeps the position of every key and value.
 *
 * <p>Knowledge files are plain data written by people, so everything a hostile or broken file could use
 * against the loader is refused with a message instead of being processed: files over {@link #MAX_BYTES},
 * anchors and aliases (the "billion laughs" expansion), nesting deeper than {@link #MAX_DEPTH}, more than one
 * document, and duplicate keys. Thread-safe: the factory is immutable once built.
 */
final class YamlReader {
    /** Largest accepted knowledge file. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Deepest accepted nesting of mappings and lists (the catalog needs about 8). */
    static final int MAX_DEPTH = 40;

    private final YAMLFactory factory;

    YamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 10);
        options.setCodePointLimit(MAX_BYTES);
        this.factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 10)
                        .maxDocumentLength(MAX_BYTES)
                        .maxStringLength(MAX_BYTES)
                        .build())
                .build();
    }

    /**
     * Parses {@code content}; on a problem that prevents reading the file it is reported and the result is
     * empty. Problems that leave the tree usable (duplicate keys) are reported and the first value is kept.
     */
    Optional<YamlNode> read(String file, byte[] content, Problems problems) {
        if (content.length > MAX_BYTES) {
            problems.add(file, 0, 0, String.format(Locale.ROOT,
                    "file is %d bytes, larger than the %d bytes (4 MiB) a knowledge file may have; split it",
                    content.length, MAX_BYTES));
            return Optional.empty();
        }
        try (YAMLParser parser = factory.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Optional.of(new MapNode(new Mark(file, 1, 1), Map.of()));
            }
            YamlNode root = readValue(file, parser, 1, problems);
            JsonToken next = parser.nextToken();
            if (next != null) {
                Mark at = mark(file, parser.currentTokenLocation());
                problems.add(at, "a knowledge file holds one YAML document; remove the second document (---)");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (Refused e) {
            problems.add(e.at, e.getMessage());
            return Optional.empty();
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
            int col = loc == null ? 0 : Math.max(0, loc.getColumnNr());
            problems.add(file, line, col, "not valid YAML: " + firstLine(e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // snakeyaml reports some limits (code points, nesting) as its own runtime exceptions
            problems.add(file, 0, 0, "cannot read YAML: " + firstLine(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    private YamlNode readValue(String file, YAMLParser parser, int depth, Problems problems) throws IOException {
        Mark at = mark(file, parser.currentTokenLocation());
        if (parser.isCurrentAlias()) {
            throw new Refused(at, "YAML aliases (*" + parser.getText()
                    + ") are not allowed in knowledge files; write the value out");
        }
        if (parser.getObjectId() != null) {
            throw new Refused(at, "YAML anchors (&" + parser.getObjectId()
                    + ") are not allowed in knowledge files; write the value out");
        }
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            if (depth > MAX_DEPTH) {
                throw new Refused(at, "nesting deeper than " + MAX_DEPTH + " levels is not allowed in knowledge files");
            }
        }
        if (token == JsonToken.START_OBJECT) {
            Map<String, Field> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                Mark keyAt = mark(file, parser.currentTokenLocation());
                parser.nextToken();
                YamlNode value = readValue(file, parser, depth + 1, problems);
                Field previous = fields.get(key);
                if (previous != null) {
                    problems.add(keyAt, "duplicate key '" + key + "' (first at line " + previous.keyMark().line()
                            + "); keep one");
                } else {
                    fields.put(key, new Field(key, keyAt, value));
                }
            }
            return new MapNode(at, fields);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue(file, parser, depth + 1, problems));
            }
            return new ListNode(at, items);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new ScalarNode(at, "", true);
        }
        return new ScalarNode(at, parser.getText(), false);
    }

    private static Mark mark(String file, JsonLocation loc) {
        return new Mark(file, Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr()));
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Internal signal: the file uses a construct we refuse; caught in {@link #read}. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Mark at;

        Refused(Mark at, String message) {
            super(message, null, false, false);
            this.at = at;
        }
    }
}
