package io.smcdoctor.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library keeps no shared mutable state besides the Diagnoser's report cache: no production class of catalog,
 * adapters, rules or engine has a non-final static field, or a static field of a type that is mutable whatever it
 * holds (arrays, {@code StringBuilder}, atomics, mutable JDK collections).
 */
class NoSharedMutableStateTest {
    private static final Set<Class<?>> MUTABLE = Set.of(StringBuilder.class, AtomicInteger.class, AtomicLong.class,
            AtomicReference.class, java.util.ArrayList.class, java.util.HashMap.class, java.util.HashSet.class,
            java.util.LinkedHashMap.class, java.util.LinkedHashSet.class, java.util.TreeMap.class,
            java.util.TreeSet.class, java.util.concurrent.ConcurrentHashMap.class, java.util.LinkedList.class);

    /**
     * Private constant tables that are filled in their class's static initializer and after it only iterated or read
     * by index (checked by reading their classes): lookup tables of the per-row path of large listings.
     */
    private static final Set<String> READ_ONLY_TABLES = Set.of("io.smcdoctor.evidence.internal.SmcStates.SPELLINGS",
            "io.smcdoctor.evidence.internal.SmcStates.SPELLING_BYTES",
            "io.smcdoctor.evidence.internal.SmcStates.MIN_TOKENS",
            "io.smcdoctor.evidence.internal.SmcssFastRows.CLASSES", "io.smcdoctor.evidence.internal.ToolErrors.TOOLS");

    @Test
    void productionClasses_haveNoMutableStaticFields() throws Exception {
        List<String> classes = productionClasses();
        assertThat(classes).as("classes scanned").hasSizeGreaterThan(150)
                .contains("io.smcdoctor.Diagnoser", "io.smcdoctor.evidence.internal.TextLines",
                        "io.smcdoctor.catalog.internal.CatalogLoader", "io.smcdoctor.rules.RuleBase");
        Set<String> offenders = new TreeSet<>();
        for (String name : classes) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) || f.isSynthetic() || f.getName().equals("$VALUES")) {
                    continue;
                }
                if (!Modifier.isFinal(m)) {
                    offenders.add(name + "." + f.getName() + " is static and not final");
                } else if ((f.getType().isArray() && !(Modifier.isPrivate(m)
                        && READ_ONLY_TABLES.contains(name + "." + f.getName()))) || MUTABLE.contains(f.getType())) {
                    offenders.add(name + "." + f.getName() + " is a static " + f.getType().getSimpleName());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    /** Class names of io.smcdoctor main code (directories or jars on the test class path, not test classes). */
    private static List<String> productionClasses() throws IOException {
        List<String> out = new ArrayList<>();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : cp.split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String norm = p.toString().replace('\\', '/');
            boolean ours = norm.matches(".*/(catalog|adapters|rules|engine)/target/classes/?")
                    || p.getFileName().toString().matches("smc-doctor-(catalog|adapters|rules|engine)-[^-]+(-SNAPSHOT)?\\.jar");
            if (!ours || !Files.exists(p)) {
                continue;
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> p.relativize(f).toString().replace(File.separatorChar, '/'))
                            .forEach(n -> add(out, n));
                }
            } else {
                try (JarFile jar = new JarFile(p.toFile())) {
                    Enumeration<JarEntry> en = jar.entries();
                    while (en.hasMoreElements()) {
                        add(out, en.nextElement().getName());
                    }
                }
            }
        }
        return out;
    }

    private static void add(List<String> out, String resource) {
        if (resource.startsWith("io/smcdoctor/") && resource.endsWith(".class") && !resource.endsWith("module-info.class")) {
            out.add(resource.substring(0, resource.length() - 6).replace('/', '.'));
        }
    }
}
