package io.smcdoctor.lsp;

import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.KernelVerdict;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.OptionVerdict;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Support;
import io.smcdoctor.catalog.TargetKernel;
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

    /**
     * The hover over an option: support on the target kernel, why, fallback codes, the verdicts per kernel, kernel
     * notes (the target's first), link.
     */
    static String hover(OptionEntry e, Settings s) {
        StringBuilder sb = new StringBuilder();
        sb.append(title(e, s.language(), s.kernel())).append("\n\n");
        body(sb, e, s.language(), s.kernel());
        sb.append("\n[").append(t(s.language(), "Explanation", "詳しい説明")).append("](")
                .append(s.explanationLink(e.name())).append(")");
        return sb.toString();
    }

    /** What the {@code explain} command answers: the hover plus each fallback code's meaning and the sources. */
    static String explain(OptionEntry e, Settings s) {
        Language l = s.language();
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(title(e, l, s.kernel())).append("\n\n");
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

    /** One line for a notification: the option and what it does on SMC sockets of the target kernel. */
    static String summary(OptionEntry e, Settings s) {
        Language l = s.language();
        return e.name() + " (" + e.option().level().name() + ", " + t(l, "SMC support ", "SMC でのサポート ")
                + e.support(s.kernel()).name() + "): " + e.consequence(s.kernel()).get(l);
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
                + "back to TCP, or the call fails). Where mainline kernels differ the catalog carries the verdict "
                + "per kernel range (column *other kernels*; `smc-doctor sockopt NAME --kernel RELEASE`, "
                + "`smc-doctor lint --kernel RELEASE` and the language server's `kernel` setting judge for one "
                + "kernel). Kernel notes say more; notes marked *upstream 6.12 (measured)* come from the SMC lab "
                + "([sockopts-linux-6.12.md](sockopts-linux-6.12.md)).\n\n",
                "SMC (`AF_SMC`) ソケットで各ソケットオプションがどう動作するかを、オプションごとの見出しで示します。"
                + "`lsp` モジュールの `SockoptPageTest` がカタログ "
                + "(`catalog/src/main/resources/io/smcdoctor/catalog/sockopts.yaml`) から生成しています。"
                + "このページではなくカタログを編集してください。言語サーバー (`smc-doctor lsp`、[ide.md](ide.md) を参照) "
                + "は各診断をここのオプションの見出しにリンクします。\n\n"
                + "サポートはシード FAQ の表 (Alibaba Cloud Linux 3 のカーネル) のとおりです: **Y** は TCP と同様に動作、"
                + "**M** は設定できますが SMC では動作が異なります、**N** はサポートされません (接続は TCP に"
                + "フォールバックするか、呼び出しが失敗します)。メインラインのカーネルで判定が異なる場合、カタログは"
                + "カーネルの範囲ごとの判定を持ちます (*その他のカーネル* の列。`smc-doctor sockopt NAME --kernel "
                + "RELEASE`、`smc-doctor lint --kernel RELEASE`、言語サーバーの `kernel` 設定で 1 つのカーネルについて"
                + "判定します)。カーネルごとの注記も参照してください。*upstream 6.12 (measured)* の注記は SMC ラボでの"
                + "実測です ([sockopts-linux-6.12.md](sockopts-linux-6.12.md))。\n\n"));
        for (SockoptLevel level : SockoptLevel.values()) {
            sb.append("## ").append(level.name()).append("\n\n");
            sb.append(t(l, "| option | value | support | other kernels |\n|---|---:|:-:|---|\n",
                    "| オプション | 値 | サポート | その他のカーネル |\n|---|---:|:-:|---|\n"));
            for (OptionEntry e : entries) {
                if (e.option().level() == level) {
                    List<String> ranges = new ArrayList<>();
                    for (KernelVerdict v : e.option().kernelVerdicts()) {
                        ranges.add(v.support() + ": " + v.kernels().get(l));
                    }
                    sb.append("| [").append(e.name()).append("](#").append(e.name().toLowerCase(Locale.ROOT))
                            .append(") | ").append(e.option().value()).append(" | ").append(e.seedSupport().name())
                            .append(" | ").append(String.join("; ", ranges)).append(" |\n");
                }
            }
            sb.append("\n");
            for (OptionEntry e : entries) {
                if (e.option().level() == level) {
                    sb.append("### ").append(e.name()).append("\n\n");
                    body(sb, e, l, TargetKernel.ANY);
                    references(sb, e, l);
                    sb.append("\n");
                }
            }
        }
        return sb.toString().replaceAll("\n{3,}", "\n\n").stripTrailing() + "\n";
    }

    private static String title(OptionEntry e, Language l, TargetKernel k) {
        OptionVerdict v = e.verdict(k);
        String letters = v.definite() ? v.strictest().name()
                : String.join("/", v.outcomes().stream().map(o -> o.support().name()).toList());
        return "**" + e.name() + "** (`" + e.option().level().name() + "`, " + e.option().value() + "): "
                + t(l, "SMC support **", "SMC でのサポート **") + letters + "**"
                + (k.kind() == TargetKernel.Kind.ANY ? "" : t(l, " on ", " (") + k.label().get(l) + t(l, "", ")"));
    }

    private static void body(StringBuilder sb, OptionEntry e, Language l, TargetKernel target) {
        sb.append(capitalize(e.consequence(target).get(l))).append(t(l, ".", "。")).append("\n\n");
        OptionVerdict verdict = e.verdict(target);
        String note = (verdict.definite() ? verdict.outcomes().get(0).range().map(KernelVerdict::note)
                .orElse(e.note()) : e.note()).get(l).strip();
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
        if (!e.option().kernelVerdicts().isEmpty()) {
            sb.append("**").append(t(l, "Verdicts per kernel", "カーネルごとの判定")).append("**\n\n");
            for (KernelVerdict v : e.option().kernelVerdicts()) {
                String what = v.errno().map(x -> "setsockopt → " + x).orElse(v.fallbackCodes().isEmpty() ? ""
                        : t(l, "fallback ", "フォールバック ") + String.join(", ",
                                v.fallbackCodes().stream().map(ReasonCode::hex).toList()));
                sb.append("- **").append(v.support()).append("** ").append(v.kernels().get(l))
                        .append(what.isEmpty() ? "" : " (" + what + ")")
                        .append(v.commit().map(c -> ", " + c).orElse("")).append(": ")
                        .append(v.note().get(l).strip()).append("\n");
            }
            sb.append("- **").append(e.seedSupport()).append("** ")
                    .append(t(l, "other kernels (as in the seed FAQ)", "その他のカーネル (シード FAQ のとおり)"))
                    .append("\n\n");
        }
        List<KernelNote> mine = new ArrayList<>();
        List<KernelNote> others = new ArrayList<>();
        for (KernelNote n : e.kernelNotes()) {
            (OptionEntry.noteMatches(n, target) ? mine : others).add(n);
        }
        if (!mine.isEmpty()) {
            sb.append("**").append(t(l, "On your target, ", "対象: ")).append(target.label().get(l))
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
        if (e.seedSupport() == Support.N && target.kind() == TargetKernel.Kind.MAINLINE && target.seriesKnown()
                && mine.isEmpty()) {
            String series = target.major() + "." + target.minor();
            sb.append(t(l, "*No measurement on upstream " + series + " in the catalog for this option.*\n\n",
                    "*このオプションについて upstream " + series + " での実測はカタログにありません。*\n\n"));
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
