package io.smcdoctor.engine.internal.project;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.KnowledgeBase;
import io.smcdoctor.SockoptAdvisor;
import io.smcdoctor.catalog.Catalog;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * The entry points of the embedding API over a catalog instance the caller already holds, for the project's own
 * modules (the command line, the language server, the fleet job and the tests), which load the catalog once and share
 * it. Embedders do not see this: the API takes catalog overlays as paths and keeps the catalog model out of its
 * signatures (docs/api.md). The module exports this package only to the project's modules that use it.
 *
 * <p>The factories are private methods of the API classes, reached through a private lookup in the same module.
 */
public final class OverCatalog {
    private static final MethodHandle KNOWLEDGE_BASE = factory(KnowledgeBase.class, KnowledgeBase.class);
    private static final MethodHandle SOCKOPT_ADVISOR = factory(SockoptAdvisor.class, SockoptAdvisor.class);
    private static final MethodHandle DIAGNOSER_BUILDER = factory(Diagnoser.class, Diagnoser.Builder.class);

    private OverCatalog() {
    }

    /** The knowledge base over the catalog. */
    public static KnowledgeBase knowledgeBase(Catalog catalog) {
        return (KnowledgeBase) invoke(KNOWLEDGE_BASE, catalog);
    }

    /** The socket-option advisor over the catalog, for any kernel. */
    public static SockoptAdvisor sockoptAdvisor(Catalog catalog) {
        return (SockoptAdvisor) invoke(SOCKOPT_ADVISOR, catalog);
    }

    /** A Diagnoser builder that uses the catalog instead of loading one (no overlays can be added to it). */
    public static Diagnoser.Builder diagnoser(Catalog catalog) {
        return (Diagnoser.Builder) invoke(DIAGNOSER_BUILDER, catalog);
    }

    private static Object invoke(MethodHandle factory, Catalog catalog) {
        Objects.requireNonNull(catalog, "catalog");
        try {
            return factory.invoke(catalog);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private static {@code overCatalog(Catalog)} of an API class. */
    private static MethodHandle factory(Class<?> owner, Class<?> returned) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
                    .findStatic(owner, "overCatalog", MethodType.methodType(returned, Catalog.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
