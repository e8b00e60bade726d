package io.smcdoctor;

/** The result of {@link Diagnoser#diagnose}. (Placeholder: the fields land with the rules.) */
public record DiagnosisReport() {
    /** The report as JSON, schema {@code smc-doctor/diagnosis/v1} of DESIGN.md. */
    public String toJson() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
