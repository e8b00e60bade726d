package io.smcdoctor.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One possible root cause of a reason code or symptom. Its {@code id} is unique across the whole
 * catalog and is the id a diagnosis reports.
 *
 * @param id            stable kebab-case id, e.g. {@code nosmcdev-ipv6}
 * @param title         one line
 * @param detail        the explanation
 * @param severity      problem (default), warning or info (a status such as "SMC-R works")
 * @param checks        how to confirm it
 * @param remedies      how to fix it
 * @param needsQuestion true when no evidence file can confirm it (the user must be asked); the report lists
 *                      such causes under missing evidence with the check's command
 * @param references    where the knowledge comes from (seed section, kernel source)
 * @param preconditions when the cause can be true at all; a diagnosis never offers a cause whose preconditions the
 *                      evidence contradicts
 */
public record Cause(String id, LocalizedText title, LocalizedText detail, Severity severity, List<Check> checks,
                    List<Remedy> remedies, boolean needsQuestion, List<String> references,
                    Preconditions preconditions) {
    public Cause {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(preconditions, "preconditions");
        checks = List.copyOf(checks);
        remedies = List.copyOf(remedies);
        references = List.copyOf(references);
    }

    /** A cause without preconditions. */
    public Cause(String id, LocalizedText title, LocalizedText detail, Severity severity, List<Check> checks,
                 List<Remedy> remedies, boolean needsQuestion, List<String> references) {
        this(id, title, detail, severity, checks, remedies, needsQuestion, references, Preconditions.NONE);
    }
}
