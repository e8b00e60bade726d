/** Root package: the exception hierarchy shared by every module and the {@code Diagnoser} entry point (engine). */
@NullMarked
package io.smcdoctor;

import org.jspecify.annotations.NullMarked;
