package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the host-parser fixtures under {@code src/test/resources} and parses them through the public builder. */
final class HostFixtures {
    private HostFixtures() {
    }

    /** The text of a fixture, e.g. {@code dmesg/variants.txt}. */
    static String text(String resource) {
        try (InputStream in = HostFixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evidence holding one fixture, parsed as {@code kind} under the fixture's file name. */
    static Evidence parse(SourceKind kind, String resource) {
        return parseText(kind, resource.substring(resource.lastIndexOf('/') + 1), text(resource));
    }

    /** Evidence holding one text, parsed as {@code kind} under {@code name}. */
    static Evidence parseText(SourceKind kind, String name, String text) {
        return Evidence.builder().parse(kind, name, text).build();
    }
}
