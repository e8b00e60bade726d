package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: fixtures from src/test/resources and parsed evidence. */
final class SmcFixtures {
    private SmcFixtures() {
    }

    static String text(String resource) {
        try (InputStream in = SmcFixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Evidence parse(SourceKind kind, String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return Evidence.builder().parse(kind, name, text(resource)).build();
    }

    static Evidence parseText(SourceKind kind, String text) {
        return Evidence.builder().parse(kind, kind.fileName(), text).build();
    }

    /** All sampled rows (every row when each group holds at most the sample size), by line. */
    static List<SocketRow> rows(Evidence ev) {
        return ev.sockets().groups().stream().flatMap(g -> g.samples().stream())
                .sorted(Comparator.comparingInt(r -> r.provenance().line()))
                .collect(Collectors.toList());
    }

    static SocketRow row(Evidence ev, long inode) {
        return rows(ev).stream().filter(r -> r.inode() == inode).findFirst()
                .orElseThrow(() -> new AssertionError("no row with inode " + inode + " in " + rows(ev)));
    }

    static long count(Evidence ev) {
        return ev.sockets().groups().stream().mapToLong(SocketGroup::count).sum();
    }
}
