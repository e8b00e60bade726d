/**
 * {@code smc-doctor mcp}: a Model Context Protocol server on stdio (official MCP Java SDK) exposing the tools
 * {@code diagnose}, {@code explain_reason_code}, {@code sockopt_support} and {@code ask_smc_question}. The entry point
 * is {@link io.smcdoctor.cli.mcp.SmcDoctorMcpServer}; the work behind each tool is an {@link
 * io.smcdoctor.cli.mcp.SmcDoctorTools}, so the protocol layer can be tested without the engine.
 */
@NullMarked
package io.smcdoctor.cli.mcp;

import org.jspecify.annotations.NullMarked;
