package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.RdmaDev;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code rdma dev} ({@code 0: rxe0: node_type ca node_guid ... sys_image_guid ...}, with {@code fw} for
 * hardware devices, {@code node_type rnic} for iWARP such as eRDMA) into {@link RdmaDev}s. Indented detail lines of
 * {@code rdma dev show -d} ({@code caps: <...>}) are skipped.
 */
final class RdmaDevParser implements TextParser {
    private static final Pattern HEADER = Pattern.compile("(\\d+):\\s+([^\\s:]+):\\s*(.*)");

    @Override
    public LineSink open(ParseContext ctx) {
        return HostText.toolContent(ctx, "rdma", (number, line) -> {
            if (HostText.indented(line)) {
                return;
            }
            Matcher m = HEADER.matcher(line.strip());
            OptionalLong index = m.matches() ? HostText.parseNumber(m.group(1)) : OptionalLong.empty();
            if (index.isEmpty() || index.getAsLong() > Integer.MAX_VALUE) {
                ctx.warn(number, "not an rdma dev line: " + HostText.excerpt(line));
                return;
            }
            String nodeType = "";
            String nodeGuid = "";
            String sysImageGuid = "";
            List<String> t = HostText.tokens(m.group(3));
            for (int i = 0; i + 1 < t.size(); i++) {
                switch (t.get(i)) {
                    case "node_type":
                        nodeType = t.get(i + 1);
                        break;
                    case "node_guid":
                        nodeGuid = t.get(i + 1);
                        break;
                    case "sys_image_guid":
                        sysImageGuid = t.get(i + 1);
                        break;
                    default:
                        break;
                }
            }
            ctx.add(new RdmaDev(ctx.at(number, line), (int) index.getAsLong(), m.group(2), nodeType, nodeGuid,
                    sysImageGuid));
        });
    }
}
