package io.smcdoctor.cli;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.KnowledgeValidationException;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Symptom;
import java.util.List;
import java.util.Optional;

/** A catalog whose every lookup fails the way an invalid knowledge file does. */
final class BrokenCatalog implements Catalog {
    private static RuntimeException broken() {
        return new KnowledgeValidationException(List.of(
                new KnowledgeValidationException.Problem("reason-codes.yaml", 3, 1, "broken catalog")));
    }

    @Override public List<ReasonCode> reasonCodes() { throw broken(); }
    @Override public List<Symptom> symptoms() { throw broken(); }
    @Override public List<SocketOption> socketOptions() { throw broken(); }
    @Override public Optional<ReasonCode> reasonCode(int code) { throw broken(); }
    @Override public List<ReasonCode> reasonCodes(String userText) { throw broken(); }
    @Override public List<Integer> parseCodes(String userText) { throw broken(); }
    @Override public Optional<SocketOption> socketOption(String name) { throw broken(); }
    @Override public Optional<SocketOption> socketOption(SockoptLevel level, String name) { throw broken(); }
    @Override public Optional<SocketOption> socketOption(SockoptLevel level, int value) { throw broken(); }
    @Override public Optional<Symptom> symptom(String id) { throw broken(); }
    @Override public Optional<Cause> cause(String id) { throw broken(); }
    @Override public List<String> suggestions(String input, int limit) { throw broken(); }
}
