package io.smcdoctor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An smc-tools command ({@code smcss}, {@code smcr stats}, {@code smc_run}, ...): what it is for, its synopsis,
 * every option and output column, and the smc-tools release that added them.
 *
 * @param id             {@code tool:<name>}, e.g. {@code tool:smcr-stats}
 * @param command        the command as typed, e.g. {@code smcr stats}
 * @param since          the first smc-tools release with the command ({@code 1.4.0}); empty when it does not exist
 * @param title          one line
 * @param purpose        what it shows or does and when to run it
 * @param synopsis       usage lines
 * @param requires       what it needs (kernel version, modules), if anything
 * @param options        every option or sub-command
 * @param columns        every output column
 * @param example        example output, empty when none
 * @param exampleSource  where the example comes from (man page, or "synthetic" after the source's formats)
 * @param notes          further remarks
 * @param relatedCodes   reason codes it helps with
 * @param relatedTools   ids of related tools
 * @param relatedSysctls ids of related sysctls
 * @param references     sources (man pages, smc-tools source files)
 */
public record Tool(String id, String command, String since, LocalizedText title, LocalizedText purpose,
                   List<String> synopsis, Optional<LocalizedText> requires, List<Option> options, List<Column> columns,
                   String example, String exampleSource, List<LocalizedText> notes, List<Integer> relatedCodes,
                   List<String> relatedTools, List<String> relatedSysctls, List<String> references)
        implements KnowledgeFact {
    public Tool {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(requires, "requires");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(exampleSource, "exampleSource");
        synopsis = List.copyOf(synopsis);
        options = List.copyOf(options);
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
        relatedCodes = List.copyOf(relatedCodes);
        relatedTools = List.copyOf(relatedTools);
        relatedSysctls = List.copyOf(relatedSysctls);
        references = List.copyOf(references);
    }

    /**
     * An option or sub-command.
     *
     * @param name     as written, e.g. {@code -a}, {@code reset}, {@code ibdev}
     * @param longName the long form, e.g. {@code --all}; empty when none
     * @param argument the argument it takes, e.g. {@code IBDEV}; empty when none
     * @param since    the first smc-tools release with it
     * @param meaning  what it does
     */
    public record Option(String name, String longName, String argument, String since, LocalizedText meaning) {
        public Option {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(longName, "longName");
            Objects.requireNonNull(argument, "argument");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(meaning, "meaning");
        }
    }

    /**
     * An output column.
     *
     * @param name    as printed, e.g. {@code Mode}, {@code IB-State}
     * @param unit    unit of its values, empty when none
     * @param format  how it is printed, empty when plain
     * @param since   the first smc-tools release printing it; empty when it was always there
     * @param meaning what it shows
     * @param values  the values it can take, where they are a closed set
     */
    public record Column(String name, String unit, String format, String since, LocalizedText meaning,
                         List<Value> values) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(meaning, "meaning");
            values = List.copyOf(values);
        }
    }

    /**
     * One value of a column.
     *
     * @param value   as printed, e.g. {@code ACTIVE}
     * @param meaning what it means
     */
    public record Value(String value, LocalizedText meaning) {
        public Value {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(meaning, "meaning");
        }
    }

    @Override
    public LocalizedText summary() {
        return purpose;
    }

    @Override
    public List<String> relatedIds() {
        List<String> out = new ArrayList<>(relatedTools);
        out.addAll(relatedSysctls);
        return List.copyOf(out);
    }

    @Override
    public Kind kind() {
        return Kind.TOOL;
    }
}
