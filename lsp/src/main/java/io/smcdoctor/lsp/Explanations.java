package io.smcdoctor.lsp;

import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Support;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The text people read about an option: hovers, the {@code explain} command and the generated page of all options
 * (docs/sockopts.md, docs/sockopts.ja.md) that diagnostics link to. Markdown; {@link #plain(String)} turns it into
 * plain text for clients that cannot show Markdown. Stateless.
 */
final class Explanations {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)]*)\\)");

    private Explanations() {
    }

    private static String t(Language l, String en, String ja) {
        return l == Language.JA ? ja : en;
    }

    /** The hover over an option: support, why, fallback codes, kernel notes (the target's first), link. */
    static String hover(OptionEntry e, Settings s) {
        StringBuilder sb = new StringBuilder();
        sb.append(title(e, s.language())).append("\n\n");
        body(sb, e, s.language(), s.kernel());
        sb.append("\n[").append(t(s.language(), "Explanation", "詳しい説明")).append("](")
                .append(s.explanationLink(e.name())).append(")");
        return sb.toString();
    }

    /** What the {@code explain} command answers: the hover plus each fallback code's meaning and the sources. */
    static String explain(OptionEntry e, Settings s) {
        Language l = s.language();
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(title(e, l)).append("\n\n");
        body(sb, e, l, s.kernel());
        for (ReasonCode r : e.reasons()) {
            sb.append("\n### ").append(r.hex()).append(r.name().isEmpty() ? "" : " " + r.name()).append("\n\n")
                    .append(r.title().get(l).strip()).append("\n\n").append(r.meaning().get(l).strip()).append("\n");
        }
        references(sb, e, l);
        sb.append("\n").append(t(l, "On a host: ", "ホスト上では: ")).append("`smc-doctor sockopt ").append(e.name())
                .append("`");
        for (String code : e.fallbackCodes()) {
            sb.append(", `smc-doctor explain ").append(code).append("`");
        }
        sb.append("\n\n[").append(t(l, "Explanation", "詳しい説明")).append("](").append(s.explanationLink(e.name()))
                .append(")\n");
        return sb.toString();
    }

    /** What the {@code explain} command answers for reason codes: title and meaning of each. */
    static String reasonCodes(List<ReasonCode> codes, Language l) {
        StringBuilder sb = new StringBuilder();
        for (ReasonCode r : codes) {
            sb.append("## ").append(r.hex()).append(r.name().isEmpty() ? "" : " " + r.name()).append("\n\n")
                    .append(r.title().get(l).strip()).append("\n\n").append(r.meaning().get(l).strip()).append("\n\n");
        }
        sb.append(t(l, "More: ", "詳細: ")).append("`smc-doctor explain ").append(codes.get(0).hex()).append("`\n");
        return sb.toString();
    }

    /** One line for a notification: the option and what it does on SMC. */
    static String summary(OptionEntry e, Language l) {
        return e.name() + " (" + e.option().level().name() + ", " + t(l, "SMC support ", "SMC でのサポート ")
                + e.support().name() + "): " + e.consequence().get(l);
    }

    /** The page of all options, one heading per option, as the explanation links expect. */
    static String page(List<OptionEntry> entries, Language l) {
        StringBuilder sb = new StringBuilder();
        sb.append(t(l, "# Socket options on SMC sockets\n\n", "# SMC ソケットでのソケットオプション\n\n"));
        sb.append(t(l,
                "What each socket option does on an SMC (`AF_SMC`) socket, one heading per option. "
                + "Generated from the catalog (`catalog/src/main/resources/io/smcdoctor/catalog/sockopts.yaml`) by "
                + "`SockoptPageTest` in the `lsp` module; edit the catalog, not this page. The language server "
                + "(`smc-doctor lsp`, see [ide.md](ide.md)) links each diagnostic to its option's heading here.\n\n"
                + "Support as in the seed FAQ's table (Alibaba Cloud Linux 3 kernels): **Y** works as on TCP, "
                + "**M** can be set but behaves differently on SMC, **N** is not supported (the connection falls "
                + "back to TCP). Kernel notes say where other kernels differ; notes marked *upstream 6.12 "
                + "(measured)* come from the SMC lab ([sockopts-linux-6.12.md](sockopts-linux-6.12.md)).\n\n",
                "SMC (`AF_SMC`) ソケットで各ソケットオプションがどう動作するかを、オプションごとの見出しで示します。"
                + "`lsp` モジュールの `SockoptPageTest` がカタログ "
                + "(`catalog/src/main/resources/io/smcdoctor/catalog/sockopts.yaml`) から生成しています。"
                + "このページではなくカタログを編集してください。言語サーバー (`smc-doctor lsp`、[ide.md](ide.md) を参照) "
                + "は各診断をここのオプションの見出しにリンクします。\n\n"
                + "サポートはシード FAQ の表 (Alibaba Cloud Linux 3 のカーネル) のとおりです: **Y** は TCP と同様に動作、"
                + "**M** は設定できますが SMC では動作が異なります、**N** はサポートされません (接続は TCP に"
                + "フォールバックします)。カーネルごとの注記は他のカーネルでの違いです。*upstream 6.12 (measured)* "
                + "の注記は SMC ラボでの実測です ([sockopts-linux-6.12.md](sockopts-linux-6.12.md))。\n\n"));
        for (SockoptLevel level : SockoptLevel.values()) {
            sb.append("## ").append(level.name()).append("\n\n");
            sb.append(t(l, "| option | value | support |\n|---|---:|:-:|\n", "| オプション | 値 | サポート |\n|---|---:|:-:|\n"));
            for (OptionEntry e : entries) {
                if (e.option().level() == level) {
                    sb.append("| [").append(e.name()).append("](#").append(e.name().toLowerCase(Locale.ROOT))
                            .append(") | ").append(e.option().value()).append(" | ").append(e.support().name())
                            .append(" |\n");
                }
            }
            sb.append("\n");
            for (OptionEntry e : entries) {
                if (e.option().level() == level) {
                    sb.append("### ").append(e.name()).append("\n\n");
                    body(sb, e, l, KernelTarget.SEED);
                    references(sb, e, l);
                    sb.append("\n");
                }
            }
        }
        return sb.toString().replaceAll("\n{3,}", "\n\n").stripTrailing() + "\n";
    }

    private static String title(OptionEntry e, Language l) {
        return "**" + e.name() + "** (`" + e.option().level().name() + "`, " + e.option().value() + "): "
                + t(l, "SMC support **", "SMC でのサポート **") + e.support().name() + "**";
    }

    private static void body(StringBuilder sb, OptionEntry e, Language l, KernelTarget target) {
        sb.append(capitalize(e.consequence().get(l))).append(t(l, ".", "。")).append("\n\n");
        String note = e.note().get(l).strip();
        if (!note.isEmpty()) {
            sb.append(note).append("\n\n");
        }
        if (!e.option().aliases().isEmpty()) {
            sb.append(t(l, "Also named: ", "別名: "));
            List<String> quoted = new ArrayList<>();
            e.option().aliases().forEach(a -> quoted.add("`" + a + "`"));
            sb.append(String.join(", ", quoted)).append("\n\n");
        }
        for (ReasonCode r : e.reasons()) {
            sb.append(t(l, "**Fallback reason code** `", "**フォールバックの理由コード** `")).append(r.hex()).append("`");
            if (!r.name().isEmpty()) {
                sb.append(" (").append(r.name()).append(")");
            }
            sb.append(": ").append(r.title().get(l).strip()).append("\n\n");
        }
        List<KernelNote> mine = new ArrayList<>();
        List<KernelNote> others = new ArrayList<>();
        for (KernelNote n : e.kernelNotes()) {
            (target.matches(n) ? mine : others).add(n);
        }
        if (!mine.isEmpty()) {
            sb.append("**").append(t(l, "On your target, ", "対象カーネル ")).append(target.label().get(l))
                    .append("**\n\n");
            for (KernelNote n : mine) {
                sb.append("- *").append(n.kernels()).append("*: ").append(n.text().get(l).strip()).append("\n");
            }
            sb.append("\n");
        }
        if (!others.isEmpty()) {
            sb.append("**").append(mine.isEmpty() ? t(l, "Kernel notes", "カーネルごとの注記")
                    : t(l, "Other kernels", "その他のカーネル")).append("**\n\n");
            for (KernelNote n : others) {
                sb.append("- *").append(n.kernels()).append("*: ").append(n.text().get(l).strip()).append("\n");
            }
            sb.append("\n");
        }
        if (e.support() == Support.N && target == KernelTarget.UPSTREAM_6_12 && mine.isEmpty()) {
            sb.append(t(l, "*No measurement on upstream 6.12 in the catalog for this option.*\n\n",
                    "*このオプションについて upstream 6.12 での実測はカタログにありません。*\n\n"));
        }
    }

    private static void references(StringBuilder sb, OptionEntry e, Language l) {
        if (e.option().references().isEmpty()) {
            return;
        }
        sb.append(t(l, "Sources: ", "出典: ")).append(String.join("; ", e.option().references())).append("\n");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Markdown to plain text: links as "text (url)", no emphasis or code marks, headings without '#'. */
    static String plain(String markdown) {
        String s = LINK.matcher(markdown).replaceAll("$1 ($2)");
        s = s.replace("**", "").replace("`", "");
        s = s.replaceAll("(?m)^#+ ", "");
        s = s.replaceAll("(?m)^- \\*([^*]*)\\*:", "- $1:");
        s = s.replaceAll("(?m)^\\*([^*]*)\\*$", "$1");
        return s;
    }
}
