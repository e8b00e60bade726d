/**
 * The language server (LSP over Eclipse LSP4J): socket options that break or degrade SMC, shown while code is
 * written. LSP4J reads the server's request methods by reflection, hence the {@code opens}.
 */
module io.smcdoctor.lsp {
    requires io.smcdoctor.engine;
    requires com.google.gson;
    requires org.eclipse.lsp4j;
    requires org.eclipse.lsp4j.jsonrpc;
    requires static org.jspecify;

    exports io.smcdoctor.lsp;
    opens io.smcdoctor.lsp to org.eclipse.lsp4j.jsonrpc, com.google.gson;
}
