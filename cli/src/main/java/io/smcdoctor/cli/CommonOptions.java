package io.smcdoctor.cli;

import io.smcdoctor.catalog.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command has: {@code --format}, {@code --lang}, {@code --debug}. Used as a picocli mixin. */
final class CommonOptions {
    /** Output formats. */
    enum Format {
        text, json, sarif(Set.of("lint")), html(Set.of("diagnose")), markdown(Set.of("diagnose"));

        /** The commands that write this format; empty: every command. */
        private final Set<String> commands;

        Format() {
            this(Set.of());
        }

        Format(Set<String> commands) {
            this.commands = commands;
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    Format format = Format.text;

    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of the text: en or ja (default: from the locale).")
    String lang;

    @Option(names = "--debug", description = "Show stack traces on errors.")
    boolean debug;

    /** A format the command does not write is refused rather than silently printed as text. */
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text (for people, default) or json; diagnose also html (one self-contained"
                    + " page) and markdown (for tickets); lint also sarif.")
    void format(Format value) {
        if (!value.commands.isEmpty() && mixee != null && !value.commands.contains(mixee.name())) {
            List<String> own = new ArrayList<>();
            for (Format f : Format.values()) {
                if (f.commands.isEmpty() || f.commands.contains(mixee.name())) {
                    own.add(f.name());
                }
            }
            String list = String.join(", ", own.subList(0, own.size() - 1)) + " or " + own.get(own.size() - 1);
            throw new CommandLine.ParameterException(mixee.commandLine(), "--format " + value + " is for '"
                    + String.join("', '", value.commands) + "'; '" + mixee.name() + "' writes " + list);
        }
        format = value;
    }

    Language language() {
        return lang == null ? Language.fromDefaultLocale() : Language.fromTag(lang);
    }

    boolean json() {
        return format == Format.json;
    }
}
