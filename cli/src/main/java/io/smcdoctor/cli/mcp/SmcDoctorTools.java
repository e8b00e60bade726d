package io.smcdoctor.cli.mcp;

import io.smcdoctor.catalog.Language;
import java.util.Optional;

/**
 * The work behind the MCP tools. Each method returns the same JSON the matching CLI command prints with
 * {@code --format json}, or an error for the model. Implementations must be thread-safe and must not throw on bad
 * input (return {@link ToolResult#error(String)} instead).
 */
public interface SmcDoctorTools {
    /** {@code diagnose}: schema {@code smc-doctor/diagnosis/v1}. */
    ToolResult diagnose(DiagnoseRequest request);

    /** {@code explain_reason_code}: schema {@code smc-doctor/reason-code/v1} (or {@code reason-codes/v1} for several). */
    ToolResult explainReasonCode(String code, Language language);

    /** {@code sockopt_support}: schema {@code smc-doctor/sockopt/v1}; level is {@code SOL_TCP}, {@code SOL_SOCKET}, ... */
    ToolResult sockoptSupport(String name, Optional<String> level, Language language);

    /** {@code ask_smc_question}: schema {@code smc-doctor/answers/v1}; language empty = the question's language. */
    ToolResult ask(String question, int limit, Optional<Language> language);
}
