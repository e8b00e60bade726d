package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.RdmaResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code rdma resource} (iproute2 {@code rdma/res.c}: one line per device,
 * {@code 0: mlx5_0: pd 2 cq 3 qp 1 cm_id 0 mr 0 ctx 1 srq 2}) into {@link RdmaResource}s. A pair that is not
 * {@code <type> <count>} is left out with a warning naming it; a line without any pair is a warning.
 */
final class RdmaResourceParser implements TextParser {
    private static final Pattern HEADER = Pattern.compile("(\\d+):\\s+([^\\s:]+):\\s*(.*)");
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*");

    @Override
    public LineSink open(ParseContext ctx) {
        return HostText.toolContent(ctx, "rdma", (number, line) -> {
            Matcher m = HEADER.matcher(line.strip());
            OptionalLong index = m.matches() ? HostText.parseNumber(m.group(1)) : OptionalLong.empty();
            if (index.isEmpty() || index.getAsLong() > Integer.MAX_VALUE) {
                ctx.warn(number, "not an rdma resource line (expected '<index>: <device>: pd <n> ...'): "
                        + HostText.excerpt(line));
                return;
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            List<String> t = HostText.tokens(m.group(3));
            for (int i = 0; i < t.size(); i += 2) {
                OptionalLong count = i + 1 < t.size() ? HostText.parseNumber(t.get(i + 1)) : OptionalLong.empty();
                if (!TYPE.matcher(t.get(i)).matches() || count.isEmpty() || counts.containsKey(t.get(i))) {
                    ctx.warn(number, "rdma resource: left out '" + HostText.excerpt(String.join(" ",
                            t.subList(i, Math.min(i + 2, t.size())))) + "' (expected '<type> <count>')");
                    continue;
                }
                counts.put(t.get(i), count.getAsLong());
            }
            if (counts.isEmpty()) {
                ctx.warn(number, "rdma resource line without counts: " + HostText.excerpt(line));
                return;
            }
            ctx.add(new RdmaResource(ctx.at(number, line), (int) index.getAsLong(), m.group(2), counts));
        });
    }
}
