package io.smcdoctor.fleet;

import io.smcdoctor.evidence.EvidenceBundle;
import java.io.Serializable;

/**
 * The bundle reader's limits in a form Spark can ship to the executors ({@link EvidenceBundle.Limits} is not
 * serialisable). The same limits bound what an executor copies to its local disk before reading.
 */
record FleetLimits(long maxTotalBytes, long maxEntryBytes, int maxEntries, int maxCompressionRatio)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    static FleetLimits of(EvidenceBundle.Limits l) {
        return new FleetLimits(l.maxTotalBytes(), l.maxEntryBytes(), l.maxEntries(), l.maxCompressionRatio());
    }

    EvidenceBundle.Limits limits() {
        return new EvidenceBundle.Limits(maxTotalBytes, maxEntryBytes, maxEntries, maxCompressionRatio);
    }
}
