package io.smcdoctor.evidence.internal;

/** Placeholder until the real parser lands: reads nothing. */
final class PnetParser implements TextParser {
    @Override
    public LineSink open(ParseContext ctx) {
        return (number, text) -> { };
    }
}
