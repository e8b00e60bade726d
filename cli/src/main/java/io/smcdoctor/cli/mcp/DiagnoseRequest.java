package io.smcdoctor.cli.mcp;

import io.smcdoctor.catalog.Language;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of the {@code diagnose} tool: a bundle path on the server's host, and/or evidence pasted by the user.
 *
 * @param path     a bundle directory, {@code .tar.gz}/{@code .zip} archive or single evidence file, if given
 * @param files    pasted evidence keyed by bundle file name ({@code smcss.txt}, {@code dmesg.txt}, {@code sysctl.txt})
 * @param text     pasted output of unknown kind (recognised by content), if given
 * @param symptom  what the user observed, free text, if given
 * @param language language of the texts in the result
 */
public record DiagnoseRequest(Optional<String> path, Map<String, String> files, Optional<String> text,
                              Optional<String> symptom, Language language) {
    public DiagnoseRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(symptom, "symptom");
        Objects.requireNonNull(language, "language");
        files = Map.copyOf(files);
    }

    /** True when the request holds no evidence at all (no path, no files, no text). */
    public boolean isEmpty() {
        return path.isEmpty() && files.isEmpty() && text.isEmpty();
    }
}
