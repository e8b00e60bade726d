package io.smcdoctor.lsp;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.Support;
import io.smcdoctor.catalog.TargetKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Code actions for a socket option found in a document. Only edits that cannot change what the program does are
 * offered without a condition: a comment above the statement. For an unsupported (N) option set by a stand-alone
 * {@code setsockopt(...);} statement in C/C++ the statement can also be put under {@code #ifndef USE_SMC}, which
 * changes nothing until the build defines {@code USE_SMC}; a call whose result is used (assigned, tested) is never
 * guarded, nor is a send call with {@code MSG_FASTOPEN} (removing it would drop data). Every use gets an
 * "explain" command. Stateless.
 */
final class CodeActions {
    /** The macro the guard tests. */
    static final String GUARD_MACRO = "USE_SMC";

    private static final Pattern CALL_BEFORE = Pattern.compile("\\bsetsockopt\\s*\\(");
    private static final Pattern STATEMENT_PREFIX = Pattern.compile("[ \\t]*(?:\\(\\s*void\\s*\\)\\s*)?");
    private static final Pattern STATEMENT_SUFFIX = Pattern.compile("[ \\t]*;[ \\t]*(?://.*|/\\*.*\\*/[ \\t]*)?");

    private CodeActions() {
    }

    static List<Either<Command, CodeAction>> of(Analysis a, OptionUse u, String uri, Syntax syntax, Settings s,
                                                 List<Diagnostic> related) {
        Language l = s.language();
        TargetKernel k = s.kernel();
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        boolean fails = u.entry().verdict(k).outcomes().stream()
                .allMatch(o -> o.support() != Support.N || o.errno().isPresent());
        guard(a, u, syntax, l, k).ifPresent(edits -> out.add(Either.forRight(action(
                t(l, "Put under #ifndef " + GUARD_MACRO + " (", "#ifndef " + GUARD_MACRO + " で囲む (") + u.subject()
                        + (fails ? t(l, " fails on SMC sockets)", " は SMC ソケットで失敗する)")
                        : t(l, " makes SMC fall back to TCP)", " は SMC で TCP へのフォールバックを起こす)")),
                uri, edits, related))));
        comment(a, u, syntax, s).ifPresent(edit -> out.add(Either.forRight(action(
                t(l, "Add a comment: ", "コメントを追加: ") + u.subject() + t(l, " on SMC sockets", " (SMC ソケット)"),
                uri, List.of(edit), related))));
        CodeAction explain = new CodeAction(t(l, "Explain ", "説明: ") + u.subject()
                + t(l, " on SMC (smc-doctor)", " (SMC、smc-doctor)"));
        explain.setKind(CodeActionKind.QuickFix);
        explain.setDiagnostics(related);
        explain.setCommand(new Command(explain.getTitle(), SmcDoctorLanguageServer.EXPLAIN_COMMAND,
                List.of(u.entry().name())));
        out.add(Either.forRight(explain));
        return out;
    }

    private static CodeAction action(String title, String uri, List<TextEdit> edits, List<Diagnostic> related) {
        CodeAction ca = new CodeAction(title);
        ca.setKind(CodeActionKind.QuickFix);
        ca.setDiagnostics(related);
        ca.setEdit(new WorkspaceEdit(Map.of(uri, edits)));
        return ca;
    }

    private static String t(Language l, String en, String ja) {
        return l == Language.JA ? ja : en;
    }

    /** The comment line: what the option does on SMC sockets of the target kernel, in the client's language. */
    static String commentText(OptionUse u, Settings s) {
        return "smc-doctor: " + u.subject() + ": " + u.entry().consequence(s.kernel()).get(s.language());
    }

    private static Optional<TextEdit> comment(Analysis a, OptionUse u, Syntax syntax, Settings s) {
        LineIndex idx = a.index();
        String text = a.text();
        int line = statementLine(a, u);
        if (line > 0) {
            String previous = text.substring(idx.lineStart(line - 1), idx.lineEnd(line - 1));
            if (previous.contains("smc-doctor: " + u.subject() + ":")) {
                return Optional.empty();
            }
        }
        int start = idx.lineStart(line);
        String indent = indentation(text, start, idx.lineEnd(line));
        String comment = indent + syntax.lineComment() + commentText(u, s) + lineBreak(a, line);
        return Optional.of(new TextEdit(a.range(start, start), comment));
    }

    /** The line the statement holding the use starts on: the line of its call when the call is found. */
    private static int statementLine(Analysis a, OptionUse u) {
        return call(a.text(), u.start()).map(c -> a.index().line(c[0])).orElse(a.index().line(u.start()));
    }

    private static Optional<List<TextEdit>> guard(Analysis a, OptionUse u, Syntax syntax, Language l,
                                                  TargetKernel k) {
        if (syntax != Syntax.C || u.usage() != OptionUse.Usage.SET || u.entry().support(k) != Support.N) {
            return Optional.empty();
        }
        String text = a.text();
        Optional<int[]> call = call(text, u.start());
        if (call.isEmpty()) {
            return Optional.empty();
        }
        LineIndex idx = a.index();
        int first = idx.line(call.get()[0]);
        int firstStart = idx.lineStart(first);
        if (!STATEMENT_PREFIX.matcher(text.substring(firstStart, call.get()[0])).matches()) {
            return Optional.empty();
        }
        int close = call.get()[1];
        int last = idx.line(close);
        if (!STATEMENT_SUFFIX.matcher(text.substring(close + 1, idx.lineEnd(last))).matches()) {
            return Optional.empty();
        }
        String nl = lineBreak(a, first);
        String open = "#ifndef " + GUARD_MACRO + " /* " + u.subject() + ": " + u.entry().consequence(k).get(l)
                .replace("*/", "* /") + " */" + nl;
        List<TextEdit> edits = new ArrayList<>();
        edits.add(new TextEdit(a.range(firstStart, firstStart), open));
        int lastEnd = idx.lineEnd(last);
        if (last + 1 < idx.lineCount()) {
            int next = idx.lineStart(last + 1);
            edits.add(new TextEdit(a.range(next, next), "#endif" + nl));
        } else {
            edits.add(new TextEdit(a.range(lastEnd, lastEnd), nl + "#endif" + nl));
        }
        return Optional.of(edits);
    }

    /**
     * The {@code setsockopt(} call whose arguments hold an offset: [offset of the call's name, offset of its closing
     * parenthesis]; empty when there is none in the same statement or its parentheses do not close.
     */
    static Optional<int[]> call(String text, int offset) {
        int from = Math.max(0, offset - 600);
        int boundary = from;
        for (int i = offset - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == ';' || c == '{' || c == '}') {
                boundary = i + 1;
                break;
            }
        }
        Matcher m = CALL_BEFORE.matcher(text).region(boundary, offset);
        int callStart = -1;
        int open = -1;
        while (m.find()) {
            callStart = m.start();
            open = m.end() - 1;
        }
        if (callStart < 0) {
            return Optional.empty();
        }
        int depth = 0;
        int limit = Math.min(text.length(), open + 4000);
        for (int i = open; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i >= offset ? Optional.of(new int[] {callStart, i}) : Optional.empty();
                }
            } else if (c == ';') {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String indentation(String text, int from, int to) {
        int i = from;
        while (i < to && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.substring(from, i);
    }

    /** The line break the document uses after a line ({@code \n} when the line has none). */
    private static String lineBreak(Analysis a, int line) {
        int end = a.index().lineEnd(line);
        String text = a.text();
        if (end < text.length() && text.charAt(end) == '\r') {
            return end + 1 < text.length() && text.charAt(end + 1) == '\n' ? "\r\n" : "\r";
        }
        return "\n";
    }
}
