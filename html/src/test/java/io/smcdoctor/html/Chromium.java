package io.smcdoctor.html;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for the page tests (the reports in cli, the fleet summary in fleet), without DevTools: one browser
 * start per page, which loads the page, prints the DOM after the load event ({@code --dump-dom}), takes a screenshot
 * and logs every console message (uncaught errors and Content-Security-Policy violations included) on stderr as
 * {@code ...:CONSOLE(n)] "message", source: ...}.
 *
 * <p>The flags keep it from reaching for the network or hanging on a closed one (QUIC, background networking,
 * component updates, sync), and every start gets a fresh profile directory, so runs do not share state and can run in
 * parallel. {@code --no-sandbox}: the tests may run as root in a container.
 */
public final class Chromium {
    /** Names the browser goes by on Linux distributions; {@code SMC_DOCTOR_CHROMIUM} overrides. */
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    public static final int WIDTH = 1100;
    public static final int HEIGHT = 1400;

    private final Path executable;

    private Chromium(Path executable) {
        this.executable = executable;
    }

    /** The browser on this machine, if any. */
    public static Optional<Chromium> find() {
        String override = System.getenv("SMC_DOCTOR_CHROMIUM");
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? Optional.of(new Chromium(p)) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    return Optional.of(new Chromium(p));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The browser for a page test class, checked by loading a one-line page whose script must run; otherwise the
     * test class is skipped (JUnit assumption) with the reason printed on stderr: no browser installed, or one that
     * cannot start here. Call it first in the class's {@code @BeforeAll}.
     *
     * @param test the test class, named in the printed reason
     * @param out  where the probe page and its screenshot go
     */
    public static Chromium startOrSkip(Class<?> test, Path out) {
        Chromium chromium = find().orElse(null);
        if (chromium == null) {
            skip(test, "no Chromium found (install the Debian package 'chromium' or set SMC_DOCTOR_CHROMIUM)");
        }
        try {
            Files.createDirectories(out);
            Path probe = Files.writeString(out.resolve("probe.html"), "<!DOCTYPE html><title>probe</title><p>ok</p>"
                    + "<script>document.documentElement.setAttribute('data-probe','ran')</script>");
            Load load = chromium.load(probe, out.resolve("probe.png"));
            if (!load.ok() || !load.dom().contains("data-probe=\"ran\"")) {
                skip(test, "Chromium (" + chromium.executable() + ") cannot start here: exit " + load.exit() + "; "
                        + tail(load.stderr()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | UncheckedIOException e) {
            skip(test, "Chromium (" + chromium.executable() + ") cannot start here: " + e.getMessage());
        }
        return chromium;
    }

    private static void skip(Class<?> test, String reason) {
        System.err.println(test.getSimpleName() + " skipped: " + reason);
        Assumptions.abort(reason);
    }

    /** The browser's executable. */
    public Path executable() {
        return executable;
    }

    /** What one page load produced. */
    public record Load(int exit, String dom, List<String> console, String stderr, Path screenshot, long millis) {
        /** True when the browser exited normally and printed a document. */
        public boolean ok() {
            return exit == 0 && dom.contains("<html");
        }
    }

    /** The flags of every start: headless, offline, no first-run work, a fresh profile. */
    public static List<String> baseFlags(Path profile) {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--mute-audio", "--user-data-dir=" + profile);
    }

    /**
     * Loads a page: DOM, console messages and a screenshot of the first {@link #WIDTH} x {@link #HEIGHT} pixels.
     *
     * @param extraFlags e.g. {@code --force-dark-mode}
     */
    public Load load(Path page, Path screenshot, String... extraFlags) {
        Path profile = null;
        Path out = null;
        Path err = null;
        long start = System.nanoTime();
        try {
            profile = Files.createTempDirectory("smc-doctor-chromium-");
            out = Files.createTempFile("chromium-dom-", ".html");
            err = Files.createTempFile("chromium-log-", ".txt");
            Files.deleteIfExists(screenshot);
            List<String> cmd = new ArrayList<>();
            cmd.add(executable.toString());
            cmd.addAll(baseFlags(profile));
            cmd.addAll(List.of("--enable-logging=stderr", "--v=0", "--hide-scrollbars", "--force-device-scale-factor=1",
                    "--force-color-profile=srgb", "--virtual-time-budget=1000", "--window-size=" + WIDTH + "," + HEIGHT,
                    "--screenshot=" + screenshot.toAbsolutePath(), "--dump-dom"));
            cmd.addAll(List.of(extraFlags));
            cmd.add(page.toAbsolutePath().toUri().toString());
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new IllegalStateException("chromium did not finish within " + TIMEOUT.toSeconds() + " s on "
                        + page + "; log: " + tail(Files.readString(err, StandardCharsets.UTF_8)));
            }
            String log = Files.readString(err, StandardCharsets.UTF_8);
            List<String> console = log.lines().filter(l -> l.contains(":CONSOLE")).toList();
            return new Load(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), console, log, screenshot,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium loaded " + page, e);
        } finally {
            delete(profile);
            delete(out);
            delete(err);
        }
    }

    /** Ends the browser and its children. */
    public static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** The last lines of a log, for messages. */
    public static String tail(String log) {
        List<String> lines = log.lines().filter(l -> !l.contains("dbus") && !l.isBlank()).toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    }

    /** Deletes a file or directory tree, ignoring what cannot be deleted. */
    public static void delete(Path p) {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            // a browser child may still hold a file of the profile; the temp directory is cleaned by the system
        }
    }
}
