package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.RdmaLink;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code rdma link} ({@code link rxe0/1 state ACTIVE physical_state LINK_UP netdev eth0}; InfiniBand ports
 * add {@code subnet_prefix}, {@code lid} ... and have no {@code netdev}) into {@link RdmaLink}s. Missing values
 * are {@code ""}.
 */
final class RdmaLinkParser implements TextParser {
    private static final Pattern LINK = Pattern.compile("link\\s+([^\\s/]+)/(\\d+)(?:\\s+(.*))?");

    @Override
    public LineSink open(ParseContext ctx) {
        return HostText.toolContent(ctx, "rdma", (number, line) -> {
            if (HostText.indented(line)) {
                return;
            }
            Matcher m = LINK.matcher(line.strip());
            OptionalLong port = m.matches() ? HostText.parseNumber(m.group(2)) : OptionalLong.empty();
            if (port.isEmpty() || port.getAsLong() > Integer.MAX_VALUE) {
                ctx.warn(number, "not an rdma link line: " + HostText.excerpt(line));
                return;
            }
            String state = "";
            String physical = "";
            String netdev = "";
            List<String> t = HostText.tokens(m.group(3) == null ? "" : m.group(3));
            for (int i = 0; i + 1 < t.size(); i++) {
                switch (t.get(i)) {
                    case "state":
                        state = t.get(i + 1);
                        break;
                    case "physical_state":
                        physical = t.get(i + 1);
                        break;
                    case "netdev":
                        netdev = t.get(i + 1);
                        break;
                    default:
                        break;
                }
            }
            ctx.add(new RdmaLink(ctx.at(number, line), m.group(1), (int) port.getAsLong(), state, physical, netdev));
        });
    }
}
