package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cheap prompt test in front of the command-line expressions never says "no" where one of them matches: checked
 * on the prompts of the public corpus and on random lines made of the characters the expressions care about.
 */
class CommandLinesPromptTest {
    private static boolean matches(String s) {
        return CommandLines.STRONG.matcher(s).matches() || CommandLines.WEAK.matcher(s).matches();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$ smcss -a", "# smcr -d stats", "[root@t8345011 ~]# smcss", "host:~ # smc_pnet -s",
        "root@node1:~# ip a", "user@h:/tmp$ rdma link", "/# smcss", "% smcss", "sh-4.4# smcss", "~/x $ smcss",
        "node-1.example:~> smcss -a", "a@b$ ls", "h:/x# dmesg"})
    void promptShaped_corpusPrompts_trueAndMatched(String line) {
        assertThat(matches(line)).as("an expression matches %s", line).isTrue();
        assertThat(CommandLines.promptShaped(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ACTIVE         00000 0000645 10.10.0.2:33886         10.10.0.1:5103          0000 SMCR  <->  00000001 00010000",
        "State          UID   Inode   Local Address           Peer Address            Intf Mode Shutd Token",
        "LISTEN         00000 0000406 0.0.0.0:5150            "})
    void promptShaped_smcssRows_false(String line) {
        assertThat(CommandLines.promptShaped(line)).isFalse();
        assertThat(matches(line)).isFalse();
    }

    @Test
    void promptShaped_randomLines_neverFalseWhereAnExpressionMatches() {
        String alphabet = "$[]#%/~@:>.-_ aZ09\t";
        Random random = new Random(18);
        int matched = 0;
        for (int k = 0; k < 200_000; k++) {
            int len = 1 + random.nextInt(24);
            StringBuilder sb = new StringBuilder(len);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            if (matches(s)) {
                matched++;
                assertThat(CommandLines.promptShaped(s)).as("prompt test for %s", s).isTrue();
            }
        }
        assertThat(matched).as("lines an expression matched").isGreaterThan(1_000);
    }
}
