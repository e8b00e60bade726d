package io.smcdoctor.cli;

import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.catalog.Support;

/** Headings and fixed phrases of the text output, in English and Japanese. */
enum Labels {
    MEANING("What it means", "意味"),
    CAUSES("Possible causes (most common first)", "考えられる原因（多い順）"),
    CHECK("Check", "確認"),
    LOOK_FOR("Look for", "確認する点"),
    FIX("Fix", "対処"),
    REMEDIES("Whatever the cause", "原因にかかわらず行う対処"),
    KERNEL_NOTES("Kernel differences", "カーネルによる違い"),
    VERDICT_FOR("Verdict for", "判定の対象"),
    KERNEL_VERDICTS("Verdicts per kernel", "カーネルごとの判定"),
    SEED_VERDICT("Seed FAQ (Alibaba Cloud Linux 3)", "シード FAQ (Alibaba Cloud Linux 3)"),
    REFERENCES("References", "参照"),
    SIDE("Decided by", "判定する側"),
    STATS_NAME("name in 'smcr -d stats'", "'smcr -d stats' での名前"),
    ALIBABA_ONLY("Alibaba Cloud Linux kernels only", "Alibaba Cloud Linux カーネルのみ"),
    LEGACY("old kernels only", "古いカーネルのみ"),
    UNUSED("not used by the kernel", "カーネルでは使用されない"),
    PEER_CODE("The second code is the peer's own reason: diagnose the peer host.",
            "2 番目のコードはピア側の原因です。ピアホストを診断してください。"),
    FALLBACK_CODES("Fallback reason", "フォールバックの原因コード"),
    ALIASES("Also known as", "別名"),
    ANSWERS_FOR("Answers for", "質問"),
    REASON_CODES("Reason codes", "原因コード"),
    COMMANDS("Commands", "コマンド"),
    NO_ANSWER("No answer in the SMC knowledge for this question. Try a reason code (0x03030000), a socket option"
            + " (TCP_FASTOPEN) or a symptom (\"no speed-up\").",
            "この質問に答える SMC の知識がありません。原因コード (0x03030000)、ソケットオプション (TCP_FASTOPEN)、"
            + "症状 (「速くならない」など) で質問してください。");

    private final String en;
    private final String ja;

    Labels(String en, String ja) {
        this.en = en;
        this.ja = ja;
    }

    String in(Language language) {
        return language == Language.JA ? ja : en;
    }

    static String side(Side side, Language language) {
        boolean ja = language == Language.JA;
        switch (side) {
            case LOCAL: return ja ? "このホスト" : "this host";
            case PEER: return ja ? "ピアホスト" : "the peer host";
            case EITHER: return ja ? "どちらのホストでも" : "either host";
            case HOST: return ja ? "ホスト全体の設定" : "host-wide configuration";
            default: return ja ? "不明" : "unknown";
        }
    }

    static String support(Support support, Language language) {
        boolean ja = language == Language.JA;
        switch (support) {
            case Y: return ja ? "サポート: SMC ソケットで TCP と同様に動作する" : "supported: works on SMC sockets as on TCP";
            case M: return ja ? "設定・取得は可能だが、SMC では TCP と動作が異なる"
                    : "can be set and read, but behaves differently on SMC than on TCP";
            default: return ja ? "未サポート: 設定すると接続は TCP にフォールバックする（または失敗する）"
                    : "not supported: setting it makes the connection fall back to TCP (or fail)";
        }
    }
}
