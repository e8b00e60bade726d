package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte lookup of the fast path names the same state, with the same minimum columns, as the text lookup. */
class SmcStatesTest {
    @ParameterizedTest
    @ValueSource(strings = {"ACTIVE", "LISTEN", "INIT", "CLOSED", "PEERCLOSEWAIT1", "APPFINCLOSEWAIT", "PEERCLW1",
        "APPLCLW2", "APPLFINCLW", "PEERFINCLW", "PEERABORTW", "PROCESSABORT"})
    void namedIndex_everySpelling_sameCanonicalStateAndColumnsAsText(String spelling) {
        byte[] line = ("  " + spelling + "   00000 0001234").getBytes(StandardCharsets.US_ASCII);

        int i = SmcStates.namedIndex(line, 2, 2 + spelling.length());

        String canonical = SmcStates.canonical(spelling, 0, spelling.length());
        assertThat(i).isNotNegative();
        assertThat(SmcStates.canonical(i)).isEqualTo(canonical);
        assertThat(SmcStates.minTokens(i)).isEqualTo(SmcStates.minTokens(canonical));
        assertThat(SmcStates.listening(i)).isEqualTo(canonical.equals("LISTEN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACTIV", "ACTIVEX", "active", "0x1f?", "State", "LISTEN:"})
    void namedIndex_noNamedState_minusOne(String token) {
        byte[] line = token.getBytes(StandardCharsets.US_ASCII);

        assertThat(SmcStates.namedIndex(line, 0, line.length)).isEqualTo(-1);
    }
}
