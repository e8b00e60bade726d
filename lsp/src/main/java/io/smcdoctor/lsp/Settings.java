package io.smcdoctor.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.TargetKernel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server's configuration, from {@code initializationOptions} and {@code workspace/didChangeConfiguration}
 * (either the object itself or under {@code "smcDoctor"}):
 *
 * <pre>{@code
 * {"kernel": "6.12.9" | "6.12.117+deb12-amd64" | "6.12" | "seed" | "mainline" | "any",
 *  "severity": {"TCP_FASTOPEN": "warning", "SO_BINDTODEVICE": "off", "M": "hint"},
 *  "language": "en" | "ja",
 *  "explanationUrl": "https://.../sockopts.md"}
 * }</pre>
 *
 * <p>{@code kernel} is the kernel the code will run on, as {@code uname -r} prints it, a mainline series, {@code seed}
 * (Alibaba Cloud Linux 3, the seed FAQ's table) or {@code mainline}; diagnostics give the verdict on that kernel
 * (SO_REUSEPORT is N on 6.12.9, Y on 6.12.8). Default {@code any}: every possible verdict is named and the strictest
 * sets the severity. {@code upstream-6.12} (older setting) is the 6.12 series.
 *
 * <p>Severity keys are option names (also {@code MSG_FASTOPEN}) or a support letter ({@code N}, {@code M}: the
 * letter on the target kernel); values {@code error}, {@code warning}, {@code information}, {@code hint},
 * {@code off}. An option's own key wins over its letter. Immutable.
 *
 * @param language       language of messages and hovers
 * @param kernel         kernel the code targets
 * @param severity       overrides, keys upper-case
 * @param explanationUrl page that diagnostics link to; empty for the default page of the language
 */
record Settings(Language language, TargetKernel kernel, Map<String, Level> severity, String explanationUrl) {
    /** The project's page of socket options, one heading per option (generated from the catalog). */
    static final String DEFAULT_EXPLANATION_URL = "https://github.com/smc-doctor/smc-doctor/blob/main/docs/sockopts.md";
    static final String DEFAULT_EXPLANATION_URL_JA =
            "https://github.com/smc-doctor/smc-doctor/blob/main/docs/sockopts.ja.md";

    Settings {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(explanationUrl, "explanationUrl");
        severity = Map.copyOf(severity);
    }

    static Settings defaults(Language language) {
        return new Settings(language, TargetKernel.ANY, Map.of(), "");
    }

    /** A diagnostic severity, or off. */
    enum Level {
        ERROR,
        WARNING,
        INFORMATION,
        HINT,
        OFF;

        static Optional<Level> parse(String s) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "error":
                    return Optional.of(ERROR);
                case "warning":
                case "warn":
                    return Optional.of(WARNING);
                case "information":
                case "info":
                    return Optional.of(INFORMATION);
                case "hint":
                    return Optional.of(HINT);
                case "off":
                case "none":
                case "ignore":
                    return Optional.of(OFF);
                default:
                    return Optional.empty();
            }
        }
    }

    /** The link for an option: the explanation page with the option's heading as fragment. */
    String explanationLink(String optionName) {
        String base = explanationUrl.isEmpty()
                ? (language == Language.JA ? DEFAULT_EXPLANATION_URL_JA : DEFAULT_EXPLANATION_URL) : explanationUrl;
        int hash = base.indexOf('#');
        return (hash >= 0 ? base.substring(0, hash) : base) + "#" + optionName.toLowerCase(Locale.ROOT);
    }

    /**
     * The severity of a finding on the target kernel: none ({@link Level#OFF}) when the option works there, else the
     * override for its subject or option, else for its letter on that kernel, else its own.
     */
    Level levelOf(OptionUse use) {
        Level own = use.level(kernel);
        if (own == Level.OFF) {
            return Level.OFF;
        }
        Level l = severity.get(use.subject().toUpperCase(Locale.ROOT));
        if (l == null) {
            l = severity.get(use.entry().name().toUpperCase(Locale.ROOT));
        }
        if (l == null) {
            l = severity.get(use.entry().support(kernel).name());
        }
        return l != null ? l : own;
    }

    /**
     * These settings changed by a configuration object; what is absent stays, what is invalid is reported in
     * {@code problems} and ignored.
     */
    Settings with(@Nullable JsonElement json, List<String> problems) {
        if (json == null || !json.isJsonObject()) {
            return this;
        }
        JsonObject o = json.getAsJsonObject();
        if (o.has("smcDoctor") && o.get("smcDoctor").isJsonObject()) {
            o = o.getAsJsonObject("smcDoctor");
        }
        Language lang = language;
        TargetKernel k = kernel;
        Map<String, Level> sev = severity;
        String url = explanationUrl;
        Optional<String> kernelText = string(o, "kernel", problems);
        if (kernelText.isPresent()) {
            Optional<TargetKernel> parsed = TargetKernel.parse(kernelText.get());
            if (parsed.isPresent()) {
                k = parsed.get();
            } else {
                problems.add("kernel: unknown value '" + kernelText.get() + "'; use a release as uname -r prints it"
                        + " (6.12.9), a series (6.12), 'seed', 'mainline' or 'any'");
            }
        }
        Optional<String> langText = string(o, "language", problems);
        if (langText.isPresent()) {
            lang = Language.fromTag(langText.get());
        }
        Optional<String> urlText = string(o, "explanationUrl", problems);
        if (urlText.isPresent()) {
            String u = urlText.get().strip();
            if (u.isEmpty() || u.startsWith("https://") || u.startsWith("http://") || u.startsWith("file:")) {
                url = u;
            } else {
                problems.add("explanationUrl: '" + u + "' is not an http(s) or file URL");
            }
        }
        if (o.has("severity")) {
            JsonElement s = o.get("severity");
            if (s.isJsonObject()) {
                Map<String, Level> m = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> e : s.getAsJsonObject().entrySet()) {
                    Optional<Level> level = e.getValue().isJsonPrimitive()
                            ? Level.parse(e.getValue().getAsString()) : Optional.empty();
                    if (level.isPresent()) {
                        m.put(e.getKey().strip().toUpperCase(Locale.ROOT), level.get());
                    } else {
                        problems.add("severity." + e.getKey() + ": use error, warning, information, hint or off");
                    }
                }
                sev = m;
            } else if (!s.isJsonNull()) {
                problems.add("severity: expected an object such as {\"TCP_FASTOPEN\": \"warning\"}");
            }
        }
        return new Settings(lang, k, sev, url);
    }

    private static Optional<String> string(JsonObject o, String key, List<String> problems) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (e.isJsonPrimitive() && ((JsonPrimitive) e).isString()) {
            return Optional.of(e.getAsString());
        }
        problems.add(key + ": expected a string, got " + e);
        return Optional.empty();
    }
}
