package io.smcdoctor.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Generates a fleet of evidence bundles from the real ones in the repository (the lab captures of 6.12, the own lab
 * scenarios, the live-collected lab bundle and the sample bundles): bundle i is source i mod S, with
 * <ul>
 *   <li>its host named in one of four ways: a {@code manifest.json} (as {@code collect} writes), the node name of
 *       {@code uname -a}, neither (the bundle's file name then names it), or both (the manifest wins);</li>
 *   <li>its IPv4 addresses moved to another /24 (the third octet shifted in every file alike);</li>
 *   <li>its smcss socket rows repeated 0 to 3 times under new inodes (more sockets);</li>
 *   <li>written as a {@code .tar.gz} with a top folder (as {@code collect} writes), a flat {@code .zip} or a
 *       directory, in one of three day folders.</li>
 * </ul>
 * The generator records what it wrote (host, where the host name is, collection time), which the tests compare the
 * fleet table with. The benchmark ({@code benchmarks/fleet-throughput.sh}) uses it too.
 */
final class FleetGenerator {
    private static final Pattern IPV4 =
            Pattern.compile("(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final Pattern UNAME_A = Pattern.compile("^(Linux\\s+)(\\S+)(\\s+\\S+)");
    private static final Pattern SMCSS_ROW = Pattern.compile("^(\\S+\\s+\\S+\\s+)(\\d+)(\\s.*)$");
    private static final Instant BASE = Instant.parse("2026-11-24T02:00:00Z");
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** The real bundles the fleet is made from, relative to the fleet module. */
    static final List<String> SOURCE_ROOTS = List.of("../engine/src/test/resources/lab-6.12",
            "../engine/src/test/resources/lab-own", "../engine/src/test/resources/lab-6.12-live", "../samples/bundles");

    /** How a generated bundle is stored. */
    enum Format { TAR_GZ, ZIP, DIRECTORY }

    /**
     * One generated bundle and what it says about its host.
     *
     * @param path        where it is
     * @param source      the real bundle it was made from
     * @param format      how it is stored
     * @param host        the host name the fleet should find
     * @param hostSource  where: manifest, uname or bundle-name
     * @param collectedAt the manifest's time, or null without a manifest
     */
    record Generated(Path path, Path source, Format format, String host, String hostSource,
                     @Nullable Instant collectedAt) {
    }

    private final List<Path> sources;
    private final List<Map<String, byte[]>> contents = new ArrayList<>();

    FleetGenerator(Path moduleDir) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String root : SOURCE_ROOTS) {
            try (Stream<Path> s = Files.walk(moduleDir.resolve(root))) {
                s.filter(p -> Files.isRegularFile(p) && (p.getFileName().toString().equals("uname.txt")
                        || p.getFileName().toString().equals("smcss.txt"))).map(Path::getParent).distinct()
                        .sorted().forEach(found::add);
            }
        }
        this.sources = found.stream().distinct().toList();
        for (Path s : sources) {
            Map<String, byte[]> files = new TreeMap<>();
            try (Stream<Path> w = Files.walk(s)) {
                for (Path f : w.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(s.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            contents.add(files);
        }
    }

    /** The real bundles used. */
    List<Path> sources() {
        return sources;
    }

    /** Writes {@code count} bundles below {@code root}, extra smcss rows up to about {@code smcssBytes} each. */
    List<Generated> generate(Path root, int count, long smcssBytes) throws IOException {
        return generate(root, count, smcssBytes, null);
    }

    /** As {@link #generate(Path, int, long)}, all in one format when {@code only} is given. */
    List<Generated> generate(Path root, int count, long smcssBytes, @Nullable Format only) throws IOException {
        List<Generated> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(one(root, i, smcssBytes, only));
        }
        return out;
    }

    private Generated one(Path root, int i, long smcssBytes, @Nullable Format only) throws IOException {
        int s = i % sources.size();
        int round = i / sources.size();
        Map<String, byte[]> files = new LinkedHashMap<>(contents.get(s));
        Format format = only != null ? only : Format.values()[i % 3];
        Path day = Files.createDirectories(root.resolve("2026-11-2" + (4 + i % 3)));
        Instant time = BASE.plusSeconds(3600L * 24 * (i % 3) + 17L * i);
        int shift = 1 + round % 200;
        files.replaceAll((name, bytes) -> name.endsWith(".txt") ? shiftAddresses(bytes, shift) : bytes);
        int copies = smcssBytes > 0 ? 0 : round % 4;
        if (files.containsKey("smcss.txt")) {
            files.put("smcss.txt", moreSockets(files.get("smcss.txt"), copies, smcssBytes));
        }

        String host;
        String hostSource;
        Instant collectedAt = null;
        int style = i % 4;
        String unameHost = style == 1 || style == 3 ? String.format("db-%05d", i) : "(none)";
        boolean unameSet = false;
        if (files.containsKey("uname.txt")) {
            String uname = new String(files.get("uname.txt"), StandardCharsets.UTF_8);
            Matcher m = UNAME_A.matcher(uname);
            if (m.find()) {
                files.put("uname.txt", m.replaceFirst("$1" + Matcher.quoteReplacement(unameHost) + "$3")
                        .getBytes(StandardCharsets.UTF_8));
                unameSet = !unameHost.equals("(none)");
            }
        }
        boolean writeManifest = style == 0 || style == 3;
        String manifestHost = writeManifest ? String.format("web-%05d", i) : "(none)";
        if (writeManifest || files.containsKey("manifest.json")) {
            files.put("manifest.json", manifest(files.get("manifest.json"), manifestHost, time));
            collectedAt = time;
        }
        String name = switch (style) {
            case 0 -> String.format("bundle-%05d", i);
            case 1 -> String.format("n%05d", i);
            case 2 -> String.format("app-%05d", i);
            default -> String.format("b%05d", i);
        };
        if (writeManifest) {
            host = manifestHost;
            hostSource = "manifest";
        } else if (unameSet) {
            host = unameHost;
            hostSource = "uname";
        } else {
            host = name;
            hostSource = "bundle-name";
        }
        Path path = switch (format) {
            case TAR_GZ -> writeTarGz(day.resolve(name + ".tar.gz"),
                    "smc-bundle-" + host + "-" + FOLDER_TIME.format(time) + "/", files);
            case ZIP -> writeZip(day.resolve(name + ".zip"), files);
            case DIRECTORY -> writeDirectory(day.resolve(name), files);
        };
        return new Generated(path, sources.get(s), format, host, hostSource, collectedAt);
    }

    /** A {@code manifest.json} naming the host and time: {@code existing} with them replaced, or a minimal one. */
    static byte[] manifest(byte @Nullable [] existing, String host, Instant time) {
        String json;
        if (existing != null) {
            json = new String(existing, StandardCharsets.UTF_8)
                    .replaceFirst("\"host\"\\s*:\\s*\"[^\"]*\"",
                            Matcher.quoteReplacement("\"host\" : \"" + host + "\""))
                    .replaceFirst("\"time\"\\s*:\\s*\"[^\"]*\"", "\"time\" : \"" + time + "\"");
        } else {
            json = "{\n  \"schema\" : \"smc-doctor/manifest/v1\",\n  \"host\" : \"" + host + "\",\n  \"time\" : \""
                    + time + "\",\n  \"kernel\" : \"\",\n  \"smcModuleLoaded\" : true,\n  \"commands\" : [ ]\n}\n";
        }
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] shiftAddresses(byte[] bytes, int shift) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = IPV4.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int c = Integer.parseInt(m.group(3));
            int d = Integer.parseInt(m.group(4));
            boolean address = a <= 255 && b <= 255 && c <= 255 && d <= 255 && a != 0 && a != 127 && a < 224
                    && !(a == 255 || b == 255 && c == 255);
            String repl = address ? a + "." + b + "." + ((c + shift) % 256) + "." + d : m.group();
            m.appendReplacement(sb, Matcher.quoteReplacement(repl));
        }
        m.appendTail(sb);
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The listing with its socket rows repeated {@code copies} times (or until about {@code bytes}), new inodes. */
    static byte[] moreSockets(byte[] smcss, int copies, long bytes) {
        String text = new String(smcss, StandardCharsets.UTF_8);
        List<String> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (SMCSS_ROW.matcher(line).matches() && !line.startsWith("State")) {
                rows.add(line);
            }
        }
        if (rows.isEmpty()) {
            return smcss;
        }
        StringBuilder sb = new StringBuilder(text);
        if (!text.endsWith("\n")) {
            sb.append('\n');
        }
        int j = 1;
        while (j <= copies || sb.length() < bytes) {
            for (String row : rows) {
                Matcher m = SMCSS_ROW.matcher(row);
                if (m.matches()) {
                    long inode = Long.parseLong(m.group(2)) + 10_000_000L * j;
                    sb.append(m.group(1)).append(inode).append(m.group(3)).append('\n');
                }
            }
            j++;
            if (j > 100_000) {
                break;
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Path writeTarGz(Path file, String folder, Map<String, byte[]> files) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(os);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(folder + f.getKey());
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return file;
    }

    static Path writeZip(Path file, Map<String, byte[]> files) throws IOException {
        Files.write(file, zip(files));
        return file;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Path writeDirectory(Path dir, Map<String, byte[]> files) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        return dir;
    }
}
