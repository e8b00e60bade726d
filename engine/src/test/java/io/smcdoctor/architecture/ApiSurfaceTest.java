package io.smcdoctor.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedding API as docs/api.md counts it, computed from the main classes: the public types of the three embedder
 * packages, plus every project type their public and protected signatures reach (fields, parameters, return types
 * and their type arguments, declared exceptions, supertypes, public nested types), followed through the types reached.
 * The traversal stops at the rule-pack SPI packages, whose types the API touches are listed separately; JDK types do
 * not count. The test compares the result with the two tables of docs/api.md, so the page cannot drift from the code,
 * and holds the API to its budget: at most 20 top-level types in at most 4 packages.
 */
class ApiSurfaceTest {
    /** The packages an embedder starts from. */
    private static final Set<String> EMBEDDER_PACKAGES = Set.of("io.smcdoctor", "io.smcdoctor.evidence",
            "io.smcdoctor.lint");
    /** The rule-pack SPI: reached types are listed, not followed. */
    private static final Set<String> SPI_PACKAGES = Set.of("io.smcdoctor.evidence.facts", "io.smcdoctor.rules");

    private static final int MAX_TOP_LEVEL = 20;
    private static final int MAX_PACKAGES = 4;

    /** A row of a docs table: {@code | `package` | top-level | with nested | types |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.]+)` \\| (\\d+) \\| (\\d+) \\| (.*) \\|$");

    private static JavaClasses library;

    @BeforeAll
    static void importClasses() {
        library = ModuleBoundariesTest.importLibrary();
    }

    @Test
    void apiStaysWithinItsBudget() {
        Surface s = surface();
        Map<String, List<JavaClass>> api = byPackage(s.api());
        long topLevel = s.api().stream().filter(c -> c.getEnclosingClass().isEmpty()).count();
        assertThat(api.keySet()).as("API packages").hasSizeLessThanOrEqualTo(MAX_PACKAGES);
        assertThat(topLevel).as("top-level API types:%n%s", table(api)).isLessThanOrEqualTo(MAX_TOP_LEVEL);
    }

    @Test
    void docsListTheComputedApi() throws IOException {
        Surface s = surface();
        String docs = Files.readString(docsPage(), StandardCharsets.UTF_8);
        assertThat(docsTable(docs, "<!-- api-types -->"))
                .as("docs/api.md's table of API types; computed:%n%s", table(byPackage(s.api())))
                .isEqualTo(table(byPackage(s.api())));
        assertThat(docsTable(docs, "<!-- spi-touched -->"))
                .as("docs/api.md's table of SPI types the API touches; computed:%n%s", table(byPackage(s.spi())))
                .isEqualTo(table(byPackage(s.spi())));
    }

    @Test
    void traversalFollowsSignatures() {
        // the traversal itself: a type only a return type's type argument names is reached, a JDK type is not
        Surface s = surface();
        assertThat(s.api()).extracting(JavaClass::getName)
                .contains("io.smcdoctor.Diagnoser", "io.smcdoctor.DiagnosisReport", "io.smcdoctor.Diagnosis",
                        "io.smcdoctor.catalog.Language")
                .noneMatch(n -> n.startsWith("java."))
                .noneMatch(n -> n.contains(".internal."));
        assertThat(s.spi()).extracting(JavaClass::getName).contains("io.smcdoctor.evidence.facts.Provenance");
    }

    private record Surface(Set<JavaClass> api, Set<JavaClass> spi) {
    }

    private static Surface surface() {
        Set<JavaClass> api = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        Set<JavaClass> spi = new TreeSet<>((a, b) -> a.getName().compareTo(b.getName()));
        Deque<JavaClass> todo = new ArrayDeque<>();
        for (JavaClass c : library) {
            if (EMBEDDER_PACKAGES.contains(c.getPackageName()) && isAccessible(c)) {
                todo.add(c);
            }
        }
        while (!todo.isEmpty()) {
            JavaClass c = todo.poll();
            if (c.isArray()) {
                c = c.getBaseComponentType();
            }
            if (!c.getPackageName().startsWith("io.smcdoctor")) {
                continue;
            }
            if (SPI_PACKAGES.contains(c.getPackageName())) {
                spi.add(c);
                continue;
            }
            if (!api.add(c)) {
                continue;
            }
            List<JavaType> reached = new ArrayList<>();
            c.getSuperclass().ifPresent(reached::add);
            reached.addAll(c.getInterfaces());
            for (JavaMember m : c.getMembers()) {
                Set<JavaModifier> mods = m.getModifiers();
                if (mods.contains(JavaModifier.SYNTHETIC) || mods.contains(JavaModifier.BRIDGE)
                        || !(mods.contains(JavaModifier.PUBLIC) || mods.contains(JavaModifier.PROTECTED))) {
                    continue;
                }
                if (m instanceof JavaCodeUnit u) {
                    reached.add(u.getReturnType());
                    reached.addAll(u.getParameterTypes());
                    u.getThrowsClause().getTypes().forEach(reached::add);
                } else if (m instanceof JavaField f) {
                    reached.add(f.getType());
                }
            }
            for (JavaType t : reached) {
                todo.addAll(t.getAllInvolvedRawTypes());
            }
            for (JavaClass nested : library) {
                if (nested.getEnclosingClass().map(c::equals).orElse(false)
                        && isAccessible(nested)) {
                    todo.add(nested);
                }
            }
        }
        return new Surface(api, spi);
    }

    private static boolean isAccessible(JavaClass c) {
        for (JavaClass e = c; ; e = e.getEnclosingClass().get()) {
            if (!e.getModifiers().contains(JavaModifier.PUBLIC) && !e.getModifiers().contains(JavaModifier.PROTECTED)) {
                return false;
            }
            if (e.getEnclosingClass().isEmpty()) {
                return true;
            }
        }
    }

    private static Map<String, List<JavaClass>> byPackage(Set<JavaClass> types) {
        Map<String, List<JavaClass>> out = new TreeMap<>();
        for (JavaClass c : types) {
            out.computeIfAbsent(c.getPackageName(), p -> new ArrayList<>()).add(c);
        }
        return out;
    }

    /**
     * The table rows as docs/api.md writes them: package, top-level count, count with nested types, and the types:
     * {@code `Diagnoser` (+`Builder`)}, nested types named from their top-level type ({@code `Answer.Kind`}).
     */
    private static String table(Map<String, List<JavaClass>> byPackage) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<JavaClass>> e : byPackage.entrySet()) {
            Map<String, List<String>> tops = new LinkedHashMap<>();
            for (JavaClass c : e.getValue()) {
                String rel = c.getName().substring(e.getKey().length() + 1);
                int dollar = rel.indexOf('$');
                String top = dollar < 0 ? rel : rel.substring(0, dollar);
                List<String> nested = tops.computeIfAbsent(top, t -> new ArrayList<>());
                if (dollar >= 0) {
                    nested.add(rel.substring(dollar + 1).replace('$', '.'));
                }
            }
            List<String> cells = new ArrayList<>();
            for (Map.Entry<String, List<String>> t : new TreeMap<>(tops).entrySet()) {
                String cell = "`" + t.getKey() + "`";
                if (!t.getValue().isEmpty()) {
                    cell += " (+" + String.join(", ", t.getValue().stream().sorted().map(n -> "`" + n + "`")
                            .toList()) + ")";
                }
                cells.add(cell);
            }
            sb.append("| `").append(e.getKey()).append("` | ").append(tops.size()).append(" | ")
                    .append(e.getValue().size()).append(" | ").append(String.join(", ", cells)).append(" |\n");
        }
        return sb.toString();
    }

    /** The rows of the table that follows a marker comment in docs/api.md. */
    private static String docsTable(String docs, String marker) {
        int at = docs.indexOf(marker);
        assertThat(at).as("docs/api.md has the marker %s", marker).isGreaterThanOrEqualTo(0);
        StringBuilder sb = new StringBuilder();
        for (String line : docs.substring(at + marker.length()).strip().split("\n", -1)) {
            if (!line.startsWith("|")) {
                break;
            }
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static Path docsPage() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path page = dir.resolve("docs/api.md");
            if (Files.isRegularFile(page)) {
                return page;
            }
        }
        throw new IllegalStateException("docs/api.md not found above " + Path.of("").toAbsolutePath());
    }
}
