/**
 * The {@code smc-doctor} command line, the MCP server and the HTML/Markdown reports. An application, not a library:
 * it exports nothing. It runs on the class path (the {@code smc-doctor} launcher and its class-data archive); this
 * descriptor lets the compiler check which of the libraries' internal packages it uses: each is exported to this
 * module by name (catalog.internal: interface strings and JSON settings; evidence.internal: the bundle reader's
 * input, command runner and source excerpts; adapters.host: the live collector and the socket probe).
 * Picocli reads the commands' annotated fields and methods by reflection, hence the {@code opens}.
 */
module io.smcdoctor.cli {
    requires io.smcdoctor.engine;
    requires io.smcdoctor.rules;
    requires io.smcdoctor.html;
    requires io.smcdoctor.lsp;
    requires com.fasterxml.jackson.databind;
    requires info.picocli;
    requires java.logging;
    requires io.modelcontextprotocol.sdk.mcp.core;
    requires io.modelcontextprotocol.sdk.mcp.json.jackson2;
    requires static org.jspecify;

    opens io.smcdoctor.cli to info.picocli;
}
