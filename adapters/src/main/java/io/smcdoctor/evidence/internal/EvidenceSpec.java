package io.smcdoctor.evidence.internal;

import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Everything SMC Doctor knows about one kind of evidence input, declared once in {@link EvidenceSpecs}: the bundle
 * file names, the command that produces it (with fallbacks), how its content becomes facts, how a file of unknown
 * name is recognised by its content, and the fact types it feeds the rules with. The bundle reader, the content
 * sniffer, the live collector, the builder of {@code Evidence} and the fuzzers all read these records.
 *
 * <p>A spec that lacks one of the parts says why ({@link #unsniffable}, {@link Gathering#NOT_GATHERED} with
 * {@link #notGatheredBecause}); {@code EvidenceSpecsTest} fails for a spec that lacks a part without a reason.
 *
 * @param kind               the kind, as the public API names it
 * @param fileName           the canonical bundle file name ({@code docs/bundle.md}), e.g. {@code smcr-device.txt}
 * @param aliases            more file names of the same kind, {@code *} matching any characters ({@code smcss*.txt})
 * @param hint               the command a person runs to produce the file (shown as missing evidence)
 * @param reader             how the content becomes facts
 * @param signatures         how content of this kind is recognised (first lines, JSON schema name, ELF magic)
 * @param unsniffable        why the kind has no signature ({@code ""} when it has one)
 * @param gathering          how {@code collect} gathers it
 * @param commands           the commands {@code collect} runs for it, each with its output file and fallbacks
 * @param notGatheredBecause why {@code collect} does not gather it ({@code ""} when it does)
 * @param feeds              the fact types the reader produces: what the rules can see of this input
 * @param tells              what the input tells a diagnosis, in English and Japanese (shown when it is missing)
 * @param primary            the input every diagnosis starts from: asked for whenever it is missing, whatever the
 *                           rules concluded
 * @param label              a short name for people, e.g. {@code smcr device}
 * @param invocations        how a person types the command in a shell (tool and object, abbreviated as the tool
 *                           accepts): a pasted command line {@code $ smcr d} or {@code [root@h ~]# lsmod | grep smc}
 *                           names the kind of the output below it
 * @param shape              what a line of this kind looks like, for pasted text: wrapped lines, a part's end
 */
public record EvidenceSpec(SourceKind kind, String fileName, List<String> aliases, String hint, Reader reader,
                           List<Signature> signatures, String unsniffable, Gathering gathering, List<Command> commands,
                           String notGatheredBecause, List<Class<? extends Fact>> feeds, LocalizedText tells,
                           boolean primary, String label, List<Invocation> invocations, LineShape shape) {
    /** Validates that every part is present or its absence is explained. */
    public EvidenceSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(unsniffable, "unsniffable");
        Objects.requireNonNull(gathering, "gathering");
        Objects.requireNonNull(notGatheredBecause, "notGatheredBecause");
        Objects.requireNonNull(tells, "tells");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(shape, "shape");
        aliases = List.copyOf(aliases);
        invocations = List.copyOf(invocations);
        signatures = List.copyOf(signatures);
        commands = List.copyOf(commands);
        feeds = List.copyOf(feeds);
        if (signatures.isEmpty() == unsniffable.isEmpty()) {
            throw new IllegalArgumentException(kind + ": give content signatures or say why there are none, not both");
        }
        if ((gathering == Gathering.COMMANDS) == commands.isEmpty()) {
            throw new IllegalArgumentException(kind + ": commands are given exactly when gathering is COMMANDS");
        }
        if ((gathering == Gathering.NOT_GATHERED) == notGatheredBecause.isEmpty()) {
            throw new IllegalArgumentException(kind + ": say why collect does not gather it, and only then");
        }
    }

    /** True when a bundle file's base name (lower case) denotes this kind. */
    public boolean matchesFileName(String base) {
        if (base.equals(fileName)) {
            return true;
        }
        for (String alias : aliases) {
            int star = alias.indexOf('*');
            if (star < 0 ? base.equals(alias)
                    : base.startsWith(alias.substring(0, star)) && base.endsWith(alias.substring(star + 1))
                    && base.length() >= alias.length() - 1) {
                return true;
            }
        }
        return false;
    }

    /** The text parser, for line-based kinds. */
    public Optional<TextParser> textParser() {
        return reader instanceof Reader.Text t ? Optional.of(t.parser().get()) : Optional.empty();
    }

    /** How the content of a kind becomes facts. */
    public sealed interface Reader permits Reader.Text, Reader.Json, Reader.Elf {
        /** Line-based text, parsed as it streams; {@code parser} gives a stateless parser. */
        record Text(Supplier<TextParser> parser) implements Reader {
            public Text {
                Objects.requireNonNull(parser, "parser");
            }
        }

        /** A JSON document written by SMC Doctor itself, read leniently into facts. */
        record Json(JsonReader read) implements Reader {
            public Json {
                Objects.requireNonNull(read, "read");
            }
        }

        /** An executable whose ELF headers are inspected (not read as a stream). */
        record Elf() implements Reader {
        }
    }

    /** Reads one JSON input into facts; problems become warnings, only I/O failures throw. */
    @FunctionalInterface
    public interface JsonReader {
        /** The facts of the document, citing {@code source}. */
        List<? extends Fact> read(InputStream in, String source, Consumer<ParseWarning> warnings) throws IOException;
    }

    /** How content of a kind is recognised when its file name says nothing. */
    public sealed interface Signature permits Signature.Line, Signature.JsonSchema, Signature.ElfMagic {
        /**
         * A line among the first ones matches {@code pattern}. A {@code generic} signature (e.g. {@code key = value})
         * is tried only after every specific one, so that it cannot claim a line another kind's header matches.
         */
        record Line(Pattern pattern, boolean generic) implements Signature {
            public Line {
                Objects.requireNonNull(pattern, "pattern");
            }
        }

        /** A JSON object naming this schema ({@code "schema": "smc-doctor/manifest/v1"}). */
        record JsonSchema(String prefix) implements Signature {
            public JsonSchema {
                Objects.requireNonNull(prefix, "prefix");
            }
        }

        /** The four bytes {@code 0x7f 'E' 'L' 'F'}. */
        record ElfMagic() implements Signature {
        }
    }

    /**
     * A command a person types to produce this kind: {@code tool} (the program's base name) and {@code object}, the
     * first argument that is not an option, which may be abbreviated to any non-empty prefix as smc-tools
     * ({@code smcr d}) and iproute2 ({@code ip a}, {@code rdma dev}) accept it; {@code ""} when any arguments do
     * ({@code smcss -a}); with {@code exact} the argument must be given in full ({@code cat /proc/modules}).
     */
    public record Invocation(String tool, String object, boolean exact) {
        public Invocation {
            Objects.requireNonNull(tool, "tool");
            Objects.requireNonNull(object, "object");
        }

        /**
         * Equal when tool, object and exactness are, as a record's own equals; written out because in a new JVM the
         * first call of a record's generated equals bootstraps the JDK's record methods (about 10 ms of a cold start),
         * and the evidence specs compare invocations in every command that reads evidence.
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Invocation i && exact == i.exact && tool.equals(i.tool) && object.equals(i.object);
        }

        @Override
        public int hashCode() {
            return (tool.hashCode() * 31 + object.hashCode()) * 31 + Boolean.hashCode(exact);
        }

        /** True when {@code arg} (the first non-option argument, {@code ""} when none) selects this invocation. */
        public boolean matchesObject(String arg) {
            if (object.isEmpty()) {
                return true;
            }
            if (exact) {
                return object.equals(arg);
            }
            return !arg.isEmpty() && object.startsWith(arg);
        }
    }

    /**
     * What lines of a kind look like, for text that is not byte-clean (mail, tickets, documentation): which line is the
     * tail of a line a mailer wrapped, and which line still belongs to the tool's output after a blank line of a paste.
     * Implementations are stateless.
     */
    public interface LineShape {
        /** A kind whose lines are never joined and which accepts any line. */
        LineShape ANY = new LineShape() {
        };

        /**
         * True when {@code line} is the tail of {@code previous}, wrapped onto its own line by a mailer or a terminal
         * (both already cleaned: no quote marks, common indentation removed): it cannot be a line of this kind by
         * itself.
         */
        default boolean continues(String previous, String line) {
            return false;
        }

        /** True when {@code line} looks like a line of this kind's output (used to tell where a paste's part ends). */
        default boolean belongs(String line) {
            return true;
        }

        /** True when columns are cut at fixed positions, so that every tab is expanded to the next multiple of 8. */
        default boolean columns() {
            return false;
        }

        /**
         * True when a line that looks like a host label ({@code Server}, {@code SERVER1}) is this kind's output: the
         * {@code Server}/{@code Client} captions of {@code smcr -d stats}, a User EID (one upper-case word).
         */
        default boolean ownsLabel(String stripped) {
            return false;
        }
    }

    /** How {@code smc-doctor collect} gathers a kind. */
    public enum Gathering {
        /** Runs {@link EvidenceSpec#commands()}. */
        COMMANDS,
        /** Reads the relevant files below {@code /proc/sys}. */
        PROC_SYS,
        /** Runs the socket probe ({@code socket(AF_SMC)} and socket options). */
        SOCKET_PROBE,
        /** Written by the collector itself, describing the collection. */
        MANIFEST,
        /** Not gathered: see {@link EvidenceSpec#notGatheredBecause()}. */
        NOT_GATHERED
    }

    /**
     * A command {@code collect} runs, with fixed arguments (no shell).
     *
     * @param file      the bundle file its output is written to (a name of the kind)
     * @param argv      program and arguments
     * @param fallbacks commands tried in order when {@code argv} fails; the first that succeeds is kept
     */
    public record Command(String file, List<String> argv, List<List<String>> fallbacks) {
        public Command {
            Objects.requireNonNull(file, "file");
            argv = List.copyOf(argv);
            fallbacks = fallbacks.stream().map(List::copyOf).toList();
            if (argv.isEmpty()) {
                throw new IllegalArgumentException(file + ": empty argv");
            }
        }

        /** The command line as a person types it. */
        public String line() {
            return String.join(" ", argv);
        }
    }

    /** A line signature. */
    static Signature line(String regex) {
        return new Signature.Line(Pattern.compile(regex), false);
    }

    /** A line signature tried after the specific ones. */
    static Signature genericLine(String regex) {
        return new Signature.Line(Pattern.compile(regex), true);
    }

    /** A command without fallbacks. */
    static Command command(String file, String... argv) {
        return new Command(file, List.of(argv), List.of());
    }

    /** The lower-case base name of a path in a bundle ({@code a/b/SMCSS-R.txt} gives {@code smcss-r.txt}). */
    static String baseName(String name) {
        String base = name.replace('\\', '/');
        return base.substring(base.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
