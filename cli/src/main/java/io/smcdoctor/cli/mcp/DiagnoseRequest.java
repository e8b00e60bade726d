package io.smcdoctor.cli.mcp;

import io.smcdoctor.catalog.Language;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of the {@code diagnose} tool: a bundle path on the server's host, and/or evidence pasted by the user; and,
 * to diagnose both ends of the connections together, the peer host's bundle path or pasted output.
 *
 * @param path     a bundle directory, {@code .tar.gz}/{@code .zip} archive or single evidence file, if given
 * @param files    pasted evidence keyed by bundle file name ({@code smcss.txt}, {@code dmesg.txt}, {@code sysctl.txt})
 * @param text     pasted output of unknown kind (recognised by content), if given
 * @param symptom  what the user observed, free text, if given
 * @param language language of the texts in the result
 * @param peerPath the peer host's bundle (directory, archive or file), if given
 * @param peerText the peer host's pasted output (recognised by content), if given
 */
public record DiagnoseRequest(Optional<String> path, Map<String, String> files, Optional<String> text,
                              Optional<String> symptom, Language language, Optional<String> peerPath,
                              Optional<String> peerText) {
    public DiagnoseRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(symptom, "symptom");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(peerPath, "peerPath");
        Objects.requireNonNull(peerText, "peerText");
        files = Map.copyOf(files);
    }

    /** A request about one host. */
    public DiagnoseRequest(Optional<String> path, Map<String, String> files, Optional<String> text,
                           Optional<String> symptom, Language language) {
        this(path, files, text, symptom, language, Optional.empty(), Optional.empty());
    }

    /** True when the peer's evidence is given too: both hosts are diagnosed together. */
    public boolean hasPeer() {
        return peerPath.isPresent() || peerText.isPresent();
    }

    /** True when the request holds no evidence at all (no path, no files, no text). */
    public boolean isEmpty() {
        return path.isEmpty() && files.isEmpty() && text.isEmpty();
    }
}
