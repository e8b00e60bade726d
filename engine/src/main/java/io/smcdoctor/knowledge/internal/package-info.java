/**
 * Question answering over the catalog: catalog entries turned into searchable documents and an in-memory
 * Lucene (BM25) index with English and Japanese analysis. Not API; use {@link io.smcdoctor.KnowledgeBase}.
 */
@NullMarked
package io.smcdoctor.knowledge.internal;

import org.jspecify.annotations.NullMarked;
