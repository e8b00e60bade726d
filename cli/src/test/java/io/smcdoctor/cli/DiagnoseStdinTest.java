package io.smcdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code smc-doctor diagnose -} reads a paste from standard input: a ticket's text with a prompt, an smcss listing
 * (row published in the public corpus, case 02: {@code TCP 0x05000000/0x03030000}) and the reporter's words.
 */
class DiagnoseStdinTest {

    @Test
    void diagnoseDash_readsThePasteFromStdin_andCitesItsLines() {
        String paste = "after enabling SMC-R every connection falls back\n"
                + "$ smcss -a\n"
                + "State          UID   Inode   Local Address           Peer Address            Intf Mode\n"
                + "ACTIVE         00000 0116203 10.10.93.11:54474       10.10.93.12:46093       0000 TCP 0x05000000/0x03030000\n";
        InputStream saved = System.in;
        CliRunner.Result r;
        try {
            System.setIn(new ByteArrayInputStream(paste.getBytes(StandardCharsets.UTF_8)));
            r = CliRunner.run("diagnose", "-", "--format", "json");
        } finally {
            System.setIn(saved);
        }

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"source\" : \"stdin\",\n      \"line\" : 4,").contains("0x03030000");
    }
}
