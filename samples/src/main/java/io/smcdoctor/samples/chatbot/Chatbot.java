package io.smcdoctor.samples.chatbot;

import io.smcdoctor.Answers;
import io.smcdoctor.Answers.Answer;
import io.smcdoctor.KnowledgeBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A minimal chatbot: reads one question a line from stdin and answers from the SMC knowledge with
 * {@link KnowledgeBase#ask(String, int)}, citing the catalog entry and its sources. English or Japanese.
 *
 * <pre>
 * mvn -B -q install -DskipTests -pl samples -am
 * java -cp "samples/target/classes:cli/target/smc-doctor.jar" io.smcdoctor.samples.chatbot.Chatbot
 * &gt; curl fails after enabling SMC-R
 * </pre>
 */
public final class Chatbot {
    private final KnowledgeBase knowledge;

    /** A chatbot over the given knowledge base. */
    public Chatbot(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Runs the chatbot on stdin/stdout (UTF-8) until end of input. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        new Chatbot(KnowledgeBase.bundled()).converse(in, out);
    }

    /** Answers every non-blank line of {@code in} on {@code out}; returns when {@code in} ends. */
    public void converse(BufferedReader in, PrintWriter out) {
        try {
            out.print("> ");
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.println(reply(line));
                }
                out.print("> ");
                out.flush();
            }
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the question", e);
        }
    }

    /** The reply to one question: the best answer with its commands and sources, plus what else may fit. */
    public String reply(String question) {
        Answers answers = knowledge.ask(question, 3);
        boolean ja = answers.language() == io.smcdoctor.catalog.Language.JA;
        if (answers.isEmpty()) {
            return ja ? "SMC の知識ではこの質問に答えられません。原因コードや症状で質問してください。"
                    : "I have no SMC knowledge about that. Ask about a reason code, a symptom or a socket option.";
        }
        Answer best = answers.answers().get(0);
        StringBuilder sb = new StringBuilder();
        sb.append(best.title(answers.language())).append('\n');
        sb.append(best.text(answers.language())).append('\n');
        if (!best.commands().isEmpty()) {
            sb.append(ja ? "実行するコマンド:" : "Commands to run:").append('\n');
            best.commands().stream().limit(4).forEach(c -> sb.append("  $ ").append(c).append('\n'));
        }
        sb.append(ja ? "出典: " : "Source: ").append(best.id());
        best.references().stream().findFirst().ifPresent(r -> sb.append(" (").append(r).append(')'));
        if (answers.answers().size() > 1) {
            sb.append('\n').append(ja ? "関連: " : "See also: ");
            answers.answers().stream().skip(1).forEach(a -> sb.append('[').append(a.id()).append("] "));
        }
        return sb.toString().strip();
    }
}
