package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.LoadedModule;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads {@code lsmod} output (kmod and busybox, whose header ends in {@code Not tainted} / {@code Tainted: ...})
 * and {@code /proc/modules} ({@code name size refcount deps, state address [taint]}) into {@link LoadedModule}s.
 */
final class LsmodParser implements TextParser {
    @Override
    public LineSink open(ParseContext ctx) {
        return HostText.content((number, line) -> {
            List<String> t = HostText.tokens(line);
            if (t.get(0).equals("Module") && line.contains("Size")) {
                return;
            }
            if (ToolErrors.record(ctx, "lsmod", number, line)) {
                return;
            }
            OptionalLong size = t.size() >= 3 ? HostText.parseNumber(t.get(1)) : OptionalLong.empty();
            if (size.isEmpty() || !validName(t.get(0))) {
                ctx.warn(number, "not an lsmod line: " + HostText.excerpt(line));
                return;
            }
            int useCount;
            if (t.get(2).equals("-")) {
                useCount = 0;
            } else {
                OptionalLong count = HostText.parseNumber(t.get(2));
                if (count.isEmpty() || count.getAsLong() > Integer.MAX_VALUE) {
                    ctx.warn(number, "not an lsmod line (bad use count): " + HostText.excerpt(line));
                    return;
                }
                useCount = (int) count.getAsLong();
            }
            List<String> usedBy = new ArrayList<>();
            for (int i = 3; i < t.size(); i++) {
                String tok = t.get(i);
                if (tok.equals("Live") || tok.equals("Loading") || tok.equals("Unloading")) {
                    break; // /proc/modules: state, address and taint flags follow
                }
                for (String dep : tok.split(",")) {
                    if (!dep.isEmpty() && !dep.equals("-") && !dep.startsWith("[")) {
                        usedBy.add(dep);
                    }
                }
            }
            ctx.add(new LoadedModule(ctx.at(number, line), t.get(0), size.getAsLong(), useCount, usedBy));
        });
    }

    private static boolean validName(String name) {
        if (name.length() > 64) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
