package io.smcdoctor.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the driver finds bundles below the inputs (Hadoop's local file system, no Spark). */
class BundlePlanTest {
    @TempDir
    Path root;

    private final Configuration conf = new Configuration();

    private Path file(String relative, String content) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private static String key(Path p) {
        return "file:" + p.toAbsolutePath().normalize();
    }

    @Test
    void list_findsArchivesAndBundleDirectories_andIgnoresTheRest() throws IOException {
        file("day1/a.tar.gz", "x");
        file("day1/B.ZIP", "x");
        file("day1/host-x/smcss.txt", "State\n");
        file("day1/host-x/proc/sys/net/smc/autocorking_size", "65536\n");
        file("day1/host-x/old.tar.gz", "x"); // inside a bundle directory: part of that bundle
        file("deep/er/host-y/uname.txt", "Linux y 6.12.0 #1\n");
        file("README.md", "nightly bundles\n");
        file("notes/notes.txt", "nothing\n");
        file(".hidden/c.tar.gz", "x");
        file("_temporary/d.zip", "x");

        BundlePlan plan = BundlePlan.list(conf, List.of(root.toString()));

        assertThat(plan.bundles()).extracting(BundlePlan.Bundle::path).containsExactly(
                key(root.resolve("day1/B.ZIP")), key(root.resolve("day1/a.tar.gz")), key(root.resolve("day1/host-x")),
                key(root.resolve("deep/er/host-y")));
        assertThat(plan.archives()).extracting(BundlePlan.Bundle::name).containsExactly("B", "a");
        assertThat(plan.directories()).extracting(BundlePlan.Bundle::name).containsExactly("host-x", "host-y");
        assertThat(plan.ignoredFiles()).isEqualTo(2);
        assertThat(plan.archive(key(root.resolve("day1/a.tar.gz")))).isPresent();
        assertThat(plan.archive(key(root.resolve("day1/host-x")))).isEmpty();
        assertThat(plan.archive(key(root.resolve("day1/host-x/old.tar.gz")))).isEmpty();
    }

    @Test
    void list_aBundleDirectoryOrArchiveGivenDirectly_isOneBundle() throws IOException {
        Path dir = file("b/manifest.json", "{}").getParent();
        Path zip = file("one.zip", "x");

        assertThat(BundlePlan.list(conf, List.of(dir.toString())).bundles()).singleElement()
                .satisfies(b -> assertThat(b.directory()).isTrue());
        assertThat(BundlePlan.list(conf, List.of(zip.toString())).bundles()).singleElement()
                .satisfies(b -> assertThat(b.path()).isEqualTo(key(zip)));
    }

    @Test
    void list_expandsGlobs() throws IOException {
        file("2026-11-24/a.zip", "x");
        file("2026-11-25/b.zip", "x");
        file("2026-12-01/c.zip", "x");

        BundlePlan plan = BundlePlan.list(conf, List.of(root + "/2026-11-*"));

        assertThat(plan.bundles()).extracting(BundlePlan.Bundle::name).containsExactly("a", "b");
    }

    @Test
    void list_missingInputOrCommaInName_isAnInputError() {
        assertThatThrownBy(() -> BundlePlan.list(conf, List.of(root.resolve("nope").toString())))
                .isInstanceOf(FleetInputException.class).hasMessageEndingWith("nope: no such file or directory");
        assertThatThrownBy(() -> BundlePlan.list(conf, List.of(root + "/a,b")))
                .isInstanceOf(FleetInputException.class).hasMessageContaining("contains a comma");
    }

    @Test
    void archiveGlobs_matchEveryArchiveAndNothingBelowBundleDirectories() throws IOException {
        file("day1/a.tar.gz", "x");
        file("day1/b.TGZ", "x");
        file("day1/smcss.txt.bak", "x");
        file("day1/host-x/smcss.txt", "State\n");
        file("we{ir}d [1]*?/c.zip", "x");
        file("we{ir}d [1]*?/c.tar", "x");
        file("weird 1xy/c.zip", "x"); // what the weird name would match as an unescaped glob
        // inputs are globs (as for Hadoop); below them, names are taken literally
        BundlePlan plan = BundlePlan.list(conf, List.of(root.toString()));
        FileSystem fs = FileSystem.getLocal(conf);

        String globs = plan.archiveGlobs();
        List<String> matched = Arrays.stream(topLevel(globs)).flatMap(g -> {
            try {
                return Arrays.stream(fs.globStatus(new org.apache.hadoop.fs.Path(g)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).map(FileStatus::getPath).map(Object::toString).sorted().toList();

        assertThat(matched).containsExactlyElementsOf(plan.archives().stream().map(BundlePlan.Bundle::path).sorted()
                .toList());
        assertThat(matched).hasSize(5);
    }

    /** Splits at commas outside braces, as Hadoop's FileInputFormat does. */
    private static String[] topLevel(String globs) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < globs.length(); i++) {
            char c = globs.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(globs.substring(start, i));
                start = i + 1;
            }
        }
        out.add(globs.substring(start));
        return out.toArray(new String[0]);
    }

    @Test
    void bundleName_dropsTheArchiveExtensionOnly() {
        assertThat(new BundlePlan.Bundle("file:/x/web-1.tar.gz", false, 0).name()).isEqualTo("web-1");
        assertThat(new BundlePlan.Bundle("file:/x/web-1.TGZ", false, 0).name()).isEqualTo("web-1");
        assertThat(new BundlePlan.Bundle("file:/x/web-1.example.com", true, 0).name()).isEqualTo("web-1.example.com");
        assertThat(BundlePlan.stripArchiveExtension(".zip")).isEqualTo(".zip");
    }
}
