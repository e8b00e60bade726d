package io.smcdoctor.rules;

import java.util.Objects;

/**
 * Fact: the evidence contradicts a catalog cause (for example "no RDMA device" while {@code smcr device} lists
 * one). The baseline rules, which list every cause of an observed code, leave ruled-out causes out as long as
 * another cause of the code remains; specific rules are not affected.
 *
 * @param causeId the contradicted cause
 * @param because the evidence that contradicts it (English, one phrase)
 */
public record RuledOut(String causeId, String because) {
    public RuledOut {
        Objects.requireNonNull(causeId, "causeId");
        Objects.requireNonNull(because, "because");
    }
}
