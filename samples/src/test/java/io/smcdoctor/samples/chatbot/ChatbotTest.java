package io.smcdoctor.samples.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.KnowledgeBase;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ChatbotTest {
    private static final Chatbot BOT = new Chatbot(KnowledgeBase.bundled());

    @Test
    void reply_symptom_citesEntryAndCommands() {
        String reply = BOT.reply("bind fails with EADDRINUSE on port 65510");

        assertThat(reply).contains("Source: reserved-ports-erdma-oob").contains("$ ");
    }

    @Test
    void reply_japaneseQuestion_answersInJapanese() {
        assertThat(BOT.reply("TCP_FASTOPEN は SMC で使えますか")).contains("出典: SOL_TCP:TCP_FASTOPEN");
    }

    @Test
    void reply_offTopic_saysItHasNoKnowledge() {
        assertThat(BOT.reply("how do I bake bread")).startsWith("I have no SMC knowledge about that.");
    }

    @Test
    void converse_answersEveryLineUntilEndOfInput() {
        StringWriter out = new StringWriter();
        BOT.converse(new BufferedReader(new StringReader("0x03060000\n\nwhat does 0x03010000 mean\n")), new PrintWriter(out));

        assertThat(out.toString()).contains("Source: 0x03060000", "Source: 0x03010000");
    }
}
