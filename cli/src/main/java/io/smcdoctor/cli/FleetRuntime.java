package io.smcdoctor.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code smc-doctor fleet} finds Apache Spark: a directory (the fleet module's {@code target/} after
 * {@code mvn package}) holding {@value #JAR} (the fleet job and our libraries, shaded, without Spark),
 * {@value #CLASSPATH} (Spark's jars, one class path line) and {@value #JVM_OPTIONS} (the {@code --add-opens} flags
 * Spark needs on Java 17). The fleet runs in a JVM of its own started from these, so that this CLI never has Spark
 * on its class path.
 */
final class FleetRuntime {
    static final String JAR = "smc-doctor-fleet.jar";
    static final String CLASSPATH = "spark-classpath.txt";
    static final String JVM_OPTIONS = "spark-jvm-options.txt";
    static final String MAIN = "io.smcdoctor.fleet.FleetMain";
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final Path home;

    private FleetRuntime(Path home) {
        this.home = home;
    }

    /**
     * The runtime in {@code configured} (from {@code SMC_DOCTOR_FLEET_HOME}) or else next to this CLI in the source
     * tree ({@code cli/target/smc-doctor.jar} → {@code fleet/target}).
     *
     * @throws UsageException when it is not there, saying how to build it
     */
    static FleetRuntime locate(@Nullable String configured, Path cliLocation) {
        Path home;
        if (configured != null && !configured.isBlank()) {
            home = Path.of(configured);
        } else {
            Path root = cliLocation.toAbsolutePath().normalize().getParent();
            root = root == null ? null : root.getParent();
            root = root == null ? null : root.getParent();
            home = (root == null ? Path.of("fleet") : root.resolve("fleet")).resolve("target");
        }
        for (String f : List.of(JAR, CLASSPATH, JVM_OPTIONS)) {
            if (!Files.isRegularFile(home.resolve(f))) {
                throw new UsageException("the fleet runtime (Apache Spark) is not built: " + home.resolve(f)
                        + " is missing; build it with 'mvn -B package -DskipTests -pl fleet -am' (./smc-doctor fleet"
                        + " does so on first use) or set SMC_DOCTOR_FLEET_HOME to a directory holding " + JAR + ", "
                        + CLASSPATH + " and " + JVM_OPTIONS);
            }
        }
        return new FleetRuntime(home);
    }

    Path home() {
        return home;
    }

    /** The command that runs the fleet job with {@code args}: fixed argv, no shell. */
    List<String> command(Path java, List<String> extraJvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(words(read(JVM_OPTIONS)));
        cmd.addAll(extraJvmOptions);
        cmd.add("-cp");
        String spark = read(CLASSPATH).strip();
        cmd.add(home.resolve(JAR) + (spark.isEmpty() ? "" : File.pathSeparator + spark));
        cmd.add(MAIN);
        cmd.addAll(args);
        return cmd;
    }

    static List<String> words(String text) {
        String t = text.strip();
        return t.isEmpty() ? List.of() : List.of(SPACE.split(t));
    }

    private String read(String file) {
        try {
            return Files.readString(home.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
