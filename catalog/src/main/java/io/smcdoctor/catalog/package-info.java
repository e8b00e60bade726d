/**
 * The SMC knowledge catalog: reason codes, symptoms and socket-option support as immutable records,
 * loaded from bilingual YAML. Entry point: {@link io.smcdoctor.catalog.Catalog#bundled()}.
 */
@NullMarked
package io.smcdoctor.catalog;

import org.jspecify.annotations.NullMarked;
