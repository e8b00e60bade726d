/**
 * What the engine gives the project's own modules (the command line, the language server, the fleet job) beyond the
 * embedding API: the API's entry points over a catalog instance a module already holds ({@link
 * io.smcdoctor.engine.internal.project.OverCatalog}) and the connection keys the fleet job pairs bundles by ({@link
 * io.smcdoctor.engine.internal.project.ConnectionKeys}). The engine's module-info exports this package only to those
 * modules (docs/api.md, "Modules").
 */
@NullMarked
package io.smcdoctor.engine.internal.project;

import org.jspecify.annotations.NullMarked;
