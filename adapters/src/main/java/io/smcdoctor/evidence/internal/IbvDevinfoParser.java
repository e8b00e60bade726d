package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.RdmaDeviceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code ibv_devinfo} and {@code ibv_devinfo -v} output (any number of devices, each starting with
 * {@code hca_id:}) into {@link RdmaDeviceInfo}s, and {@code ibv_devinfo -l} (a list of names). Numbers are
 * decimal or {@code 0x} hex; values above {@link Long#MAX_VALUE} ({@code max_mr_size 0xffffffffffffffff}) are
 * clamped to {@link Long#MAX_VALUE}; absent numbers are -1. Values such as {@code PORT_ACTIVE (4)} and
 * {@code InfiniBand (0)} keep only the name. Indented lines without a key (capability flag names in {@code -v})
 * are skipped; {@code No IB devices found} and {@code Failed to get IB devices list: ...} yield no device but a
 * {@code NO_RDMA_DEVICES} tool error.
 */
final class IbvDevinfoParser implements TextParser {
    private static final Pattern LIST_HEADER = Pattern.compile("\\d+ HCAs? found:?");

    @Override
    public LineSink open(ParseContext ctx) {
        return HostText.content(new Sink(ctx));
    }

    private static final class Device {
        final int line;
        final String raw;
        final String name;
        String transport = "";
        String nodeGuid = "";
        String sysImageGuid = "";
        String firmware = "";
        long vendorId = -1;
        long vendorPartId = -1;
        long maxMr = -1;
        long maxMrSize = -1;
        final List<String> portStates = new ArrayList<>();
        final List<String> linkLayers = new ArrayList<>();

        Device(int line, String raw, String name) {
            this.line = line;
            this.raw = raw;
            this.name = name;
        }
    }

    private static final class Sink implements LineSink {
        private final ParseContext ctx;
        private @Nullable Device current;
        private boolean listMode;

        Sink(ParseContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void line(int number, String line) {
            String t = line.strip();
            int colon = t.indexOf(':');
            String key = colon > 0 ? t.substring(0, colon).strip() : "";
            String value = colon > 0 ? t.substring(colon + 1).strip() : "";
            if (key.equals("hca_id")) {
                flush();
                listMode = false;
                if (value.isEmpty()) {
                    ctx.warn(number, "hca_id without a device name");
                    return;
                }
                current = new Device(number, line, HostText.tokens(value).get(0));
                return;
            }
            if (LIST_HEADER.matcher(t).matches()) {
                flush();
                listMode = true;
                return;
            }
            if (listMode && HostText.indented(line) && colon < 0) {
                ctx.add(new RdmaDeviceInfo(ctx.at(number, line), t, "", "", "", "", -1, -1, -1, -1, List.of(),
                        List.of()));
                return;
            }
            if (t.startsWith("libibverbs: Warning")) {
                return;
            }
            if (current == null && !HostText.indented(line) && ToolErrors.record(ctx, "ibv_devinfo", number, line)) {
                return;
            }
            Device d = current;
            if (d == null || !HostText.indented(line)) {
                ctx.warn(number, "not an ibv_devinfo line: " + HostText.excerpt(t));
                return;
            }
            if (colon <= 0) {
                return; // capability flag names and similar continuation lines of -v
            }
            switch (key) {
                case "transport":
                    d.transport = withoutCode(value);
                    break;
                case "fw_ver":
                    d.firmware = value;
                    break;
                case "node_guid":
                    d.nodeGuid = value;
                    break;
                case "sys_image_guid":
                    d.sysImageGuid = value;
                    break;
                case "vendor_id":
                    d.vendorId = number(number, key, value);
                    break;
                case "vendor_part_id":
                    d.vendorPartId = number(number, key, value);
                    break;
                case "max_mr":
                    d.maxMr = number(number, key, value);
                    break;
                case "max_mr_size":
                    d.maxMrSize = number(number, key, value);
                    break;
                case "state":
                    d.portStates.add(withoutCode(value));
                    break;
                case "link_layer":
                    d.linkLayers.add(value);
                    break;
                default:
                    break;
            }
        }

        @Override
        public void end() {
            flush();
        }

        private long number(int line, String key, String value) {
            OptionalLong n = HostText.parseNumber(value);
            if (n.isEmpty()) {
                ctx.warn(line, key + " is not a number: " + HostText.excerpt(value));
                return -1;
            }
            return n.getAsLong();
        }

        private static String withoutCode(String value) {
            int p = value.indexOf(" (");
            return p > 0 ? value.substring(0, p).strip() : value;
        }

        private void flush() {
            Device d = current;
            if (d != null) {
                ctx.add(new RdmaDeviceInfo(ctx.at(d.line, d.raw), d.name, d.transport, d.nodeGuid, d.sysImageGuid,
                        d.firmware, d.vendorId, d.vendorPartId, d.maxMr, d.maxMrSize, d.portStates, d.linkLayers));
                current = null;
            }
        }
    }
}
