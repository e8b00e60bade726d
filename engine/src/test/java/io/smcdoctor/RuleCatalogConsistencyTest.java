package io.smcdoctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every cause id a rule names literally (a finding it concludes, a cause it rules out) is a cause of the bundled
 * catalog: otherwise the report would only carry a warning where a diagnosis belongs.
 */
class RuleCatalogConsistencyTest {
    private static final Path DRL = Path.of("../rules/src/main/resources/io/smcdoctor/rules");
    private static final Pattern NAMED = Pattern.compile("(?:Finding\\.of|new RuledOut)\\(\"([a-z0-9-]+)\"");

    @Test
    void everyCauseIdNamedInTheRules_isInTheBundledCatalog() throws IOException {
        List<String> named = new ArrayList<>();
        try (Stream<Path> files = Files.list(DRL)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                Matcher m = NAMED.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    named.add(m.group(1));
                }
            }
        }
        Catalog catalog = Catalog.bundled();

        assertThat(named).hasSizeGreaterThan(40);
        assertThat(named).allSatisfy(id -> assertThat(catalog.cause(id)).as(id).isPresent());
    }
}
