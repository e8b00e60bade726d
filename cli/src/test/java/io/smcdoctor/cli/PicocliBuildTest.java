package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The build rebuilds picocli from its sources as Java 17 class files (cli/pom.xml): the released ones are Java 5 class
 * files, which the JVM verifies with its old verifier at every start. This module's classes, and so its tests and the
 * executable jar, must carry the rebuilt ones.
 */
class PicocliBuildTest {

    @Test
    void picocliClasses_areJava17ClassFiles() throws IOException {
        for (Class<?> c : new Class<?>[] {CommandLine.class, CommandLine.Model.CommandSpec.class,
                CommandLine.Help.class}) {
            String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
            try (InputStream in = c.getResourceAsStream(file)) {
                assertThat(in).as(file).isNotNull();
                DataInputStream data = new DataInputStream(in);
                assertThat(data.readInt()).as(file).isEqualTo(0xCAFEBABE);
                data.readUnsignedShort(); // minor version
                assertThat(data.readUnsignedShort()).as(file + " major version").isEqualTo(61);
            }
        }
    }
}
