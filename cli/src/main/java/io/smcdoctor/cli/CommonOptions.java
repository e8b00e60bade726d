package io.smcdoctor.cli;

import io.smcdoctor.catalog.Language;
import picocli.CommandLine.Option;

/** Options every command has: {@code --format}, {@code --lang}, {@code --debug}. Used as a picocli mixin. */
final class CommonOptions {
    /** Output formats. */
    enum Format { text, json, sarif }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text (for people, default) or json.")
    Format format = Format.text;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of the text: en or ja (default: from the locale).")
    String lang;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    Language language() {
        return lang == null ? Language.fromDefaultLocale() : Language.fromTag(lang);
    }

    boolean json() {
        return format == Format.json;
    }
}
