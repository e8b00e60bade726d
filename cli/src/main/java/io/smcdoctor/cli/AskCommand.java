package io.smcdoctor.cli;

import io.smcdoctor.Answers;
import io.smcdoctor.Answers.Answer;
import io.smcdoctor.catalog.Language;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code smc-doctor ask "QUESTION"}: ranked answers from the SMC knowledge, English or Japanese. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = {"Answer a question about SMC (English or Japanese).",
            "Answers come from the knowledge (reason codes, symptoms, causes, socket options); each names its",
            "catalog entry, reason codes, commands and sources."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smc-doctor ask \"what does 0x03030000 mean\"",
            "  smc-doctor ask \"curl fails after enabling SMC-R\"",
            "  smc-doctor ask \"can I use TCP_FASTOPEN with SMC?\"",
            "  smc-doctor ask \"SMC を使っても速くならない\"",
            "  smc-doctor ask --format json --limit 3 \"bind fails with EADDRINUSE\"",
            "",
            "The answers are in the question's language unless --lang is given.",
            "JSON: schema smc-doctor/answers/v1 = {\"answers\": [{\"rank\", \"id\", \"title\", \"text\", \"reasonCodes\",",
            "\"commands\", \"references\"}]}; an empty list when nothing in the knowledge fits."})
final class AskCommand implements Callable<Integer>, CommonOptions.Holder {
    final CommonOptions common = new CommonOptions();

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (quote it, or give it as several words).")
    List<String> words;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "At most N answers (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new UsageException("--limit must be at least 1, was " + limit);
        }
        String question = String.join(" ", words).strip();
        Answers answers = main.knowledgeBase().ask(question, limit);
        Language lang = common.lang == null ? answers.language() : common.language();
        PrintWriter out = main.spec.commandLine().getOut();
        if (common.json()) {
            out.println(answers.toJson(lang));
        } else if (answers.isEmpty()) {
            out.println(Labels.NO_ANSWER.in(lang));
        } else {
            out.println(Labels.ANSWERS_FOR.in(lang) + ": " + question);
            for (Answer a : answers.answers()) {
                out.println();
                out.println(a.rank() + ". " + a.title(lang) + "  [" + a.id() + "]");
                ReasonCodeView.indent(out, "   ", a.text(lang));
                if (!a.reasonCodes().isEmpty()) {
                    out.println("   " + Labels.REASON_CODES.in(lang) + ": " + String.join(", ", a.reasonCodes()));
                }
                if (!a.commands().isEmpty()) {
                    out.println("   " + Labels.COMMANDS.in(lang) + ":");
                    ReasonCodeView.commands(out, "     ", a.commands());
                }
                if (!a.references().isEmpty()) {
                    out.println("   " + Labels.REFERENCES.in(lang) + ": " + String.join("; ", a.references()));
                }
            }
        }
        out.flush();
        return Cli.OK;
    }
}
