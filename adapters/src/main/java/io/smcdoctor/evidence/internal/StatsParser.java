package io.smcdoctor.evidence.internal;

/** Placeholder until the real parser lands: reads nothing. */
final class StatsParser implements TextParser {
    private final String technology;

    StatsParser(String technology) {
        this.technology = technology;
    }

    @Override
    public LineSink open(ParseContext ctx) {
        return (number, text) -> { };
    }
}
