package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.RdmaNetnsMode;
import io.smcdoctor.evidence.facts.RdmaSystem;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code rdma system} ({@code netns shared copy-on-fork on}; older iproute2 prints only
 * {@code netns shared}; newer ones add {@code privileged-qkey off}) and {@code rdma -j system} into one
 * {@link RdmaSystem}. {@code copyOnFork} is {@code ""} when not printed.
 */
final class RdmaSystemParser implements TextParser {
    private static final Pattern JSON_NETNS = Pattern.compile("\"netns\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern JSON_COF = Pattern.compile("\"copy-on-fork\"\\s*:\\s*\"?(\\w+)\"?");

    @Override
    public LineSink open(ParseContext ctx) {
        return HostText.toolContent(ctx, "rdma", (number, line) -> {
            String mode = "";
            String cof = "";
            if (line.strip().startsWith("[") || line.strip().startsWith("{")) {
                Matcher m = JSON_NETNS.matcher(line);
                mode = m.find() ? m.group(1) : "";
                m = JSON_COF.matcher(line);
                cof = m.find() ? onOff(m.group(1)) : "";
            } else {
                List<String> t = HostText.tokens(line);
                for (int i = 0; i + 1 < t.size(); i++) {
                    if (t.get(i).equals("netns")) {
                        mode = t.get(i + 1);
                    } else if (t.get(i).equals("copy-on-fork")) {
                        cof = t.get(i + 1);
                    }
                }
            }
            Optional<RdmaNetnsMode> netns = RdmaNetnsMode.of(mode);
            if (netns.isEmpty()) {
                ctx.warn(number, "not rdma system output (expected 'netns shared|exclusive'): "
                        + HostText.excerpt(line));
                return;
            }
            ctx.add(new RdmaSystem(ctx.at(number, line), netns.get(), cof));
        });
    }

    private static String onOff(String json) {
        switch (json) {
            case "true":
                return "on";
            case "false":
                return "off";
            default:
                return json;
        }
    }
}
