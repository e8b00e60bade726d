package io.smcdoctor.evidence.internal;

/** Placeholder until the real parser lands: reads nothing. */
final class LinkgroupParser implements TextParser {
    private final String technology;

    LinkgroupParser(String technology) {
        this.technology = technology;
    }

    @Override
    public LineSink open(ParseContext ctx) {
        return (number, text) -> { };
    }
}
