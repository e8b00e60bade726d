package io.smcdoctor.cli;

import io.smcdoctor.catalog.Language;

/** Headings of the text output of a fact ({@code explain smcss}, {@code explain net.smc.wmem}), English and Japanese. */
enum FactLabels {
    SYNOPSIS("Synopsis", "書式"),
    REQUIRES("Requires", "必要なもの"),
    OPTIONS("Options", "オプション"),
    COLUMNS("Output columns", "出力の列"),
    EXAMPLE("Example", "例"),
    NOTES("Notes", "補足"),
    SINCE("since smc-tools", "smc-tools"),
    SINCE_SUFFIX("", "以降"),
    MEANING("What it does", "意味"),
    TUNING("When to change it", "変更する場面"),
    APPLIES_TO("Applies to", "適用対象"),
    DEFAULT("Default", "既定値"),
    RANGE("Range", "範囲"),
    UNIT("Unit", "単位"),
    TYPE("Type", "型"),
    ADDED_IN("Added in Linux", "追加された Linux"),
    NOT_MAINLINE("not in mainline Linux", "メインラインの Linux にはない"),
    ALIBABA("Alibaba Cloud Linux / Anolis kernels only", "Alibaba Cloud Linux / Anolis のカーネルのみ"),
    RELATED_SYSCTL("not an SMC sysctl; SMC setups change it", "SMC の sysctl ではないが、SMC の設定で変更する"),
    UNKNOWN_RELEASE("release not established", "リリースは未確認"),
    COMMIT("Commit", "コミット"),
    COMMITS("Commits", "コミット"),
    VERIFIED("verified in the kernel history", "カーネルの履歴で確認済み"),
    NOT_VERIFIED("not fully verified: see the note", "完全には確認されていない: 補足を参照"),
    HISTORY("How this was established", "確認の経緯"),
    USER_IMPACT("What changes for users", "利用者にとっての変化"),
    CONFIG("Kernel config", "カーネル設定"),
    ALIASES("Also written as", "別の表記"),
    FIXED_IN("Fixed in", "修正されたリリース"),
    NOT_ESTABLISHED("not established", "未確認"),
    STABLE("Stable releases with the fix", "修正を含む stable リリース"),
    INTRODUCED_BY("Introduced by", "原因となったコミット"),
    SYMPTOM("Symptom", "症状"),
    SPLAT("Functions in its splat or report", "スプラットや報告に現れる関数"),
    TRIGGER("When it happens", "発生条件"),
    ACTION("What to do", "対処"),
    SMC_RUN("smc_run", "smc_run"),
    SOCKET_OPTIONS("Socket options it sets", "設定するソケットオプション"),
    ADVICE("Advice", "推奨"),
    RELATED("Related", "関連"),
    REASON_CODES("Reason codes", "原因コード");

    private final String en;
    private final String ja;

    FactLabels(String en, String ja) {
        this.en = en;
        this.ja = ja;
    }

    String in(Language language) {
        return language == Language.JA ? ja : en;
    }
}
