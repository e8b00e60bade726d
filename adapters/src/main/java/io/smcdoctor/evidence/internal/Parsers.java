package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.SourceKind;
import java.util.Optional;

/** The parser for each text input kind. */
public final class Parsers {
    private Parsers() {
    }

    /** The parser for a kind; empty for kinds that are not line-based text (JSON, binaries). */
    public static Optional<TextParser> forKind(SourceKind kind) {
        switch (kind) {
            case SMCSS: return Optional.of(new SmcssParser());
            case SMCR_DEVICE: return Optional.of(new SmcrDeviceParser());
            case SMCD_DEVICE: return Optional.of(new SmcdDeviceParser());
            case SMCR_LINKGROUP: return Optional.of(new LinkgroupParser("SMCR"));
            case SMCD_LINKGROUP: return Optional.of(new LinkgroupParser("SMCD"));
            case SMCR_STATS: return Optional.of(new StatsParser("SMCR"));
            case SMCD_STATS: return Optional.of(new StatsParser("SMCD"));
            case SMCR_INFO: return Optional.of(new SmcInfoParser());
            case SMCR_UEID: return Optional.of(new UeidParser());
            case SMC_PNET: return Optional.of(new PnetParser());
            case DMESG: return Optional.of(new DmesgParser());
            case SYSCTL: return Optional.of(new SysctlParser());
            case UNAME: return Optional.of(new UnameParser());
            case LSMOD: return Optional.of(new LsmodParser());
            case IP_ADDR: return Optional.of(new IpAddrParser());
            case IBV_DEVINFO: return Optional.of(new IbvDevinfoParser());
            case RDMA_SYSTEM: return Optional.of(new RdmaSystemParser());
            case RDMA_DEV: return Optional.of(new RdmaDevParser());
            case RDMA_LINK: return Optional.of(new RdmaLinkParser());
            case SYMPTOM: return Optional.of(new SymptomParser());
            default: return Optional.empty();
        }
    }
}
