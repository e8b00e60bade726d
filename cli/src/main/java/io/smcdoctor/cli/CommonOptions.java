package io.smcdoctor.cli;

import io.smcdoctor.catalog.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options every command has: {@code --format}, {@code --lang}, {@code --debug}. {@link Cli} adds them to each command
 * that has them ({@link Holder}) as a picocli mixin built by hand: reading them from annotations would cost every
 * command picocli's reflection over this class (annotation proxies generated at run time, a cold start's largest
 * single piece of picocli).
 */
final class CommonOptions {
    /** A command with the common options. */
    interface Holder {
        CommonOptions common();
    }

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

    Format format = Format.text;
    @Nullable String lang;
    boolean debug;

    /**
     * The options as a mixin of {@code command}, bound to this object's fields. A format the command does not write is
     * refused rather than silently printed as text.
     */
    CommandSpec mixinOf(CommandSpec command) {
        CommandSpec mixin = CommandSpec.wrapWithoutInspection(this);
        Bindings langField = Bindings.of(() -> lang, v -> lang = (String) v);
        mixin.addOption(OptionSpec.builder("--lang").paramLabel("LANG").type(String.class)
                .description("Language of the text: en or ja (default: from the locale).")
                .getter(langField).setter(langField).build());
        Bindings debugField = Bindings.of(() -> debug, v -> debug = Boolean.TRUE.equals(v));
        mixin.addOption(OptionSpec.builder("--debug").arity("0").type(boolean.class)
                .description("Show stack traces on errors.")
                .getter(debugField).setter(debugField).build());
        Bindings formatField = Bindings.of(() -> format, v -> format(command, (Format) v));
        mixin.addOption(OptionSpec.builder("--format").paramLabel("FORMAT").type(Format.class)
                .initialValue(Format.text).defaultValue("text")
                .description("Output format: text (for people, default) or json; diagnose also html (one self-contained"
                        + " page) and markdown (for tickets); lint also sarif.")
                .getter(formatField).setter(formatField).build());
        return mixin;
    }

    private void format(CommandSpec command, Format value) {
        if (!value.commands.isEmpty() && !value.commands.contains(command.name())) {
            List<String> own = new ArrayList<>();
            for (Format f : Format.values()) {
                if (f.commands.isEmpty() || f.commands.contains(command.name())) {
                    own.add(f.name());
                }
            }
            String list = String.join(", ", own.subList(0, own.size() - 1)) + " or " + own.get(own.size() - 1);
            throw new CommandLine.ParameterException(command.commandLine(), "--format " + value + " is for '"
                    + String.join("', '", value.commands) + "'; '" + command.name() + "' writes " + list);
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
