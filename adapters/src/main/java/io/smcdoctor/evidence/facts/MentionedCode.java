package io.smcdoctor.evidence.facts;

import java.util.Objects;

/**
 * A reason code named in the user's own words (symptom.txt, {@code --symptom}, the prose of a paste), not observed on a
 * socket: {@code 0x03030000}, {@code 0x05000000/0x03030000}, {@code rsn is 0x030f0000}, {@code 3030000} next to a word
 * such as "code", "reason", "fallback" or "decline", a kernel constant ({@code SMC_CLC_DECL_INTERR}) or a stats name
 * ({@code PEER_NO_SMC}, {@code NOSMCDEV}), names mapped to codes by the catalog's {@code name} and {@code statsName}.
 * Rules should weigh it below observed socket rows and counters: the reporter may quote an old run or another host.
 *
 * @param provenance the line of the text
 * @param code       the code ({@code 0x05000000} for a pair {@code 0x05000000/0x03030000})
 * @param peerCode   the second code of a pair written with {@code /} (the peer's reason), else 0
 * @param text       the words as written
 * @param byName     true when the code was named ({@code SMC_CLC_DECL_NOSMCDEV}, {@code PEER_NO_SMC}), not written as a
 *                   number
 */
public record MentionedCode(Provenance provenance, int code, int peerCode, String text, boolean byName) implements Fact {
    public MentionedCode {
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(text, "text");
    }
}
