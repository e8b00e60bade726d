package io.smcdoctor.fleet;

import static org.apache.spark.sql.functions.asc;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.jspecify.annotations.Nullable;

/**
 * The fleet at a glance, computed from the Parquet tables: which causes on how many hosts and since when, which
 * reason codes on how many hosts and sockets, where SMC works and where no socket uses it, why bundles could not be
 * read, and the bundle pairs diagnosed together (the {@code pairs} table). Written as JSON, schema {@value #SCHEMA}
 * (fields are only ever added), and as a page ({@link FleetSummaryPage}).
 *
 * <p>A host counts once however many of its bundles the fleet holds (e.g. one per night); socket numbers are summed
 * over bundles. "Seen" times are the collection time of {@code manifest.json}, else the bundle's modification time.
 *
 * @param bundles           bundles read or tried
 * @param unreadable        bundles that could not be read (each has a row with its error)
 * @param hosts             distinct hosts among the readable bundles
 * @param rows              rows of the table
 * @param causes            diagnosed causes, most hosts first
 * @param reasonCodes       fallback reason codes in the smcss listings and counters, most hosts first
 * @param smcWorks          hosts with at least one socket in SMC-R or SMC-D mode
 * @param noSmcSockets      hosts with no socket in SMC mode in any bundle (everything fell back, or nothing listed)
 * @param noSockets         of those, hosts whose listings hold no socket at all
 * @param unreadableReasons the commonest reasons bundles could not be read (at most {@value #TOP})
 * @param unreadableBundles unreadable bundles with their errors, first {@value #TOP} by path
 * @param pairs             the bundle pairs that hold both ends of connections, diagnosed together
 */
public record FleetSummary(long bundles, long unreadable, long hosts, long rows, List<CauseCount> causes,
                           List<CodeCount> reasonCodes, HostGroup smcWorks, HostGroup noSmcSockets, HostGroup noSockets,
                           List<ReasonCount> unreadableReasons, List<UnreadableBundle> unreadableBundles,
                           Pairs pairs) {
    /** The JSON schema name. */
    public static final String SCHEMA = "smc-doctor/fleet-summary/v1";
    /** How many entries the lists of hosts, reasons and unreadable bundles keep. */
    public static final int TOP = 20;

    public FleetSummary {
        causes = List.copyOf(causes);
        reasonCodes = List.copyOf(reasonCodes);
        Objects.requireNonNull(smcWorks, "smcWorks");
        Objects.requireNonNull(noSmcSockets, "noSmcSockets");
        Objects.requireNonNull(noSockets, "noSockets");
        unreadableReasons = List.copyOf(unreadableReasons);
        unreadableBundles = List.copyOf(unreadableBundles);
        Objects.requireNonNull(pairs, "pairs");
    }

    /** A summary without pairing ({@link Pairs#off()}). */
    public FleetSummary(long bundles, long unreadable, long hosts, long rows, List<CauseCount> causes,
                        List<CodeCount> reasonCodes, HostGroup smcWorks, HostGroup noSmcSockets, HostGroup noSockets,
                        List<ReasonCount> unreadableReasons, List<UnreadableBundle> unreadableBundles) {
        this(bundles, unreadable, hosts, rows, causes, reasonCodes, smcWorks, noSmcSockets, noSockets,
                unreadableReasons, unreadableBundles, Pairs.off());
    }

    /**
     * The bundle pairs that hold both ends of connections ({@code pairs} table), diagnosed together.
     *
     * @param perBundleCap pairs a bundle takes part in at most (0: pairing was off)
     * @param candidates   bundle pairs whose connection keys match
     * @param diagnosed    pairs diagnosed together: the candidates within the cap of both bundles
     * @param related      of those, pairs the engine reasons across (joined or peers, ends mostly agreeing)
     * @param failed       of those, pairs that could not be diagnosed (a bundle unreadable when read again)
     * @param skippedByCap candidates left out because a bundle had more than {@code perBundleCap}
     * @param crowdedKeys  connection keys held by too many bundles to be a connection between two hosts, skipped
     * @param hubs         bundles with more candidates than the cap
     * @param hubSample    the hubs with the most candidates (at most {@value FleetSummary#TOP})
     * @param causes       the causes of the related pairs, most pairs first
     * @param sample       related pairs with the most joined connections (at most {@value FleetSummary#TOP}), each
     *                     with its top cause
     */
    public record Pairs(int perBundleCap, long candidates, long diagnosed, long related, long failed,
                        long skippedByCap, long crowdedKeys, long hubs, List<Hub> hubSample,
                        List<PairCauseCount> causes, List<PairSample> sample) {
        public Pairs {
            hubSample = List.copyOf(hubSample);
            causes = List.copyOf(causes);
            sample = List.copyOf(sample);
        }

        /** Pairing was not asked for. */
        public static Pairs off() {
            return new Pairs(0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of());
        }
    }

    /**
     * A bundle over the pair cap.
     *
     * @param bundle     its path
     * @param host       its host
     * @param candidates bundles it shares connections with
     */
    public record Hub(String bundle, String host, long candidates) {
    }

    /**
     * A cause of related pairs.
     *
     * @param id       catalog cause id
     * @param title    its title (English)
     * @param severity problem, warning or info
     * @param pairs    related pairs diagnosed with it
     */
    public record PairCauseCount(String id, String title, String severity, long pairs) {
    }

    /**
     * One related pair.
     *
     * @param hostA    the first host
     * @param bundleA  its bundle
     * @param hostB    the second host
     * @param bundleB  its bundle
     * @param relation {@code joined} or {@code peers}
     * @param joined   connections the engine joined
     * @param cause    the pair's top cause id, or null when none
     * @param fixOn    the hosts to change for it
     */
    public record PairSample(String hostA, String bundleA, String hostB, String bundleB, String relation, long joined,
                             @Nullable String cause, List<String> fixOn) {
        public PairSample {
            fixOn = List.copyOf(fixOn);
        }
    }

    /**
     * What the pairing stage counted before writing the {@code pairs} table.
     *
     * @param cap         the per-bundle cap
     * @param candidates  candidate pairs
     * @param kept        pairs diagnosed
     * @param crowdedKeys keys skipped
     * @param hubs        bundles over the cap
     * @param hubSample   the largest hubs: bundle path and candidates
     */
    record PairStage(int cap, long candidates, long kept, long crowdedKeys, long hubs,
                     List<Map.Entry<String, Long>> hubSample) {
    }

    /**
     * A diagnosed cause across the fleet.
     *
     * @param id        catalog cause id
     * @param title     its title (English)
     * @param severity  problem, warning or info
     * @param hosts     hosts with a bundle diagnosed with it
     * @param bundles   bundles diagnosed with it
     * @param firstSeen the earliest such bundle
     * @param lastSeen  the latest such bundle
     */
    public record CauseCount(String id, String title, String severity, long hosts, long bundles, Instant firstSeen,
                             Instant lastSeen) {
    }

    /**
     * A fallback reason code across the fleet.
     *
     * @param code    {@code 0x%08x}
     * @param hosts   hosts whose bundles show it
     * @param sockets the fallbacks with it, summed over bundles as each report counts them: sockets in the smcss
     *                listing, or the counter of smcr/smcd stats for a code no listed socket has
     */
    public record CodeCount(String code, long hosts, long sockets) {
    }

    /**
     * A set of hosts: how many, and the first {@value FleetSummary#TOP} names in order.
     *
     * @param hosts  how many
     * @param sample the first names, sorted
     */
    public record HostGroup(long hosts, List<String> sample) {
        public HostGroup {
            sample = List.copyOf(sample);
        }
    }

    /**
     * Why bundles could not be read: the error without its bundle path.
     *
     * @param reason  the error text after the bundle's path
     * @param bundles how many bundles failed so
     * @param example the first such bundle by path
     */
    public record ReasonCount(String reason, long bundles, String example) {
    }

    /**
     * One unreadable bundle.
     *
     * @param bundle its path
     * @param host   the host name its file name gives
     * @param error  the error, starting with the path
     */
    public record UnreadableBundle(String bundle, String host, String error) {
    }

    /** Computes the summary from the table ({@link FleetRows#SCHEMA}) in six small Spark jobs, without pairs. */
    static FleetSummary of(Dataset<Row> written) {
        return of(written, null, null);
    }

    /**
     * Computes the summary from the table ({@link FleetRows#SCHEMA}) and, when pairing ran, the pairs table
     * ({@link PairRows#SCHEMA}) and what the pairing stage counted.
     */
    static FleetSummary of(Dataset<Row> written, @Nullable Dataset<Row> pairTable, @Nullable PairStage stage) {
        Dataset<Row> table = written.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Column seen = coalesce(col("collected_at"), col("modified_at"));
            Dataset<Row> readable = table.filter(col("error").isNull());
            Dataset<Row> failed = table.filter(col("error").isNotNull());
            Row totals = table.agg(count(lit(1)), countDistinct("bundle"),
                    countDistinct(when(col("error").isNotNull(), col("bundle"))),
                    countDistinct(when(col("error").isNull(), col("host")))).first();

            List<CauseCount> causes = readable.filter(col("cause_id").isNotNull()).groupBy("cause_id")
                    .agg(first("title").as("title"), first("severity").as("severity"),
                            countDistinct("host").as("hosts"), countDistinct("bundle").as("bundles"),
                            min(seen).as("first"), max(seen).as("last"))
                    .orderBy(desc("hosts"), asc("cause_id")).collectAsList().stream()
                    .map(r -> new CauseCount(r.getString(0), r.getString(1), r.getString(2), r.getLong(3),
                            r.getLong(4), instant(r.getTimestamp(5)), instant(r.getTimestamp(6))))
                    .toList();

            Dataset<Row> perBundle = readable.dropDuplicates("bundle")
                    .select("bundle", "host", "sockets", "smc_sockets", "fallbacks");
            List<CodeCount> codes = perBundle
                    .select(col("host"), explode(col("fallbacks")).as(new String[] {"code", "n"}))
                    .groupBy("code").agg(countDistinct("host").as("hosts"), sum("n").as("sockets"))
                    .orderBy(desc("hosts"), asc("code")).collectAsList().stream()
                    .map(r -> new CodeCount(r.getString(0), r.getLong(1), r.getLong(2))).toList();

            // one row per host (a few bytes each: collected to group and sample them here)
            List<Row> perHost = perBundle.groupBy("host").agg(max("smc_sockets"), max("sockets")).orderBy("host")
                    .collectAsList();
            HostGroup works = hostGroup(perHost, r -> r.getLong(1) > 0);
            HostGroup noSmc = hostGroup(perHost, r -> r.getLong(1) == 0);
            HostGroup none = hostGroup(perHost, r -> r.getLong(2) == 0);

            Column reason = when(col("error").startsWith(concat(col("bundle"), lit(": "))),
                    expr("substring(error, length(bundle) + 3)")).otherwise(col("error"));
            List<ReasonCount> reasons = failed.select(reason.as("reason"), col("bundle")).groupBy("reason")
                    .agg(count(lit(1)).as("n"), min("bundle").as("example"))
                    .orderBy(desc("n"), asc("reason")).limit(TOP).collectAsList().stream()
                    .map(r -> new ReasonCount(r.getString(0), r.getLong(1), r.getString(2))).toList();
            List<UnreadableBundle> worst = failed.select("bundle", "host", "error").orderBy("bundle").limit(TOP)
                    .collectAsList().stream()
                    .map(r -> new UnreadableBundle(r.getString(0), r.getString(1), r.getString(2))).toList();
            Pairs pairs = pairTable == null || stage == null ? Pairs.off() : pairs(table, pairTable, stage);
            return new FleetSummary(totals.getLong(1), totals.getLong(2), totals.getLong(3), totals.getLong(0), causes,
                    codes, works, noSmc, none, reasons, worst, pairs);
        } finally {
            table.unpersist();
        }
    }

    /** The pairs part: counts from the pairs table, hubs' hosts from the diagnoses table. */
    private static Pairs pairs(Dataset<Row> table, Dataset<Row> pairTable, PairStage stage) {
        Column pair = concat(col("bundle_a"), lit("\n"), col("bundle_b"));
        Row totals = pairTable.agg(countDistinct(pair), countDistinct(when(col("related"), pair)),
                countDistinct(when(col("error").isNotNull(), pair))).first();
        Dataset<Row> related = pairTable.filter(col("related"));
        List<PairCauseCount> causes = related.filter(col("cause_id").isNotNull()).groupBy("cause_id")
                .agg(first("title").as("title"), first("severity").as("severity"), countDistinct(pair).as("pairs"))
                .orderBy(desc("pairs"), asc("cause_id")).collectAsList().stream()
                .map(r -> new PairCauseCount(r.getString(0), r.getString(1), r.getString(2), r.getLong(3)))
                .toList();
        List<PairSample> sample = related.filter(col("rank").isNull().or(col("rank").equalTo(1)))
                .select("host_a", "bundle_a", "host_b", "bundle_b", "relation", "joined", "cause_id", "fix_on")
                .orderBy(desc("joined"), asc("host_a"), asc("host_b"), asc("bundle_a"), asc("bundle_b"))
                .limit(TOP).collectAsList().stream()
                .map(r -> new PairSample(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getLong(5), r.getString(6),
                        r.isNullAt(7) ? List.of() : r.<String>getList(7)))
                .toList();
        List<Hub> hubs = new ArrayList<>();
        if (!stage.hubSample().isEmpty()) {
            Map<String, String> hosts = new HashMap<>();
            table.filter(col("bundle").isin(stage.hubSample().stream().map(Map.Entry::getKey).toArray()))
                    .select("bundle", "host").distinct().collectAsList()
                    .forEach(r -> hosts.put(r.getString(0), r.getString(1)));
            for (Map.Entry<String, Long> h : stage.hubSample()) {
                hubs.add(new Hub(h.getKey(), hosts.getOrDefault(h.getKey(), ""), h.getValue()));
            }
        }
        return new Pairs(stage.cap(), stage.candidates(), totals.getLong(0), totals.getLong(1), totals.getLong(2),
                stage.candidates() - stage.kept(), stage.crowdedKeys(), stage.hubs(), hubs, causes, sample);
    }

    private static HostGroup hostGroup(List<Row> perHost, Predicate<Row> member) {
        List<Row> in = perHost.stream().filter(member).toList();
        return new HostGroup(in.size(), in.stream().limit(TOP).map(r -> r.getString(0)).toList());
    }

    private static Instant instant(Timestamp t) {
        return t.toInstant();
    }

    /** The summary as pretty-printed JSON, schema {@value #SCHEMA}. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeNumberField("bundles", bundles);
            g.writeNumberField("unreadable", unreadable);
            g.writeNumberField("hosts", hosts);
            g.writeNumberField("rows", rows);
            g.writeArrayFieldStart("causes");
            for (CauseCount c : causes) {
                g.writeStartObject();
                g.writeStringField("id", c.id());
                g.writeStringField("title", c.title());
                g.writeStringField("severity", c.severity());
                g.writeNumberField("hosts", c.hosts());
                g.writeNumberField("bundles", c.bundles());
                g.writeStringField("firstSeen", c.firstSeen().toString());
                g.writeStringField("lastSeen", c.lastSeen().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("reasonCodes");
            for (CodeCount c : reasonCodes) {
                g.writeStartObject();
                g.writeStringField("code", c.code());
                g.writeNumberField("hosts", c.hosts());
                g.writeNumberField("sockets", c.sockets());
                g.writeEndObject();
            }
            g.writeEndArray();
            hostGroup(g, "smcWorks", smcWorks);
            hostGroup(g, "noSmcSockets", noSmcSockets);
            hostGroup(g, "noSockets", noSockets);
            g.writeArrayFieldStart("unreadableReasons");
            for (ReasonCount r : unreadableReasons) {
                g.writeStartObject();
                g.writeStringField("reason", r.reason());
                g.writeNumberField("bundles", r.bundles());
                g.writeStringField("example", r.example());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("unreadableBundles");
            for (UnreadableBundle u : unreadableBundles) {
                g.writeStartObject();
                g.writeStringField("bundle", u.bundle());
                g.writeStringField("host", u.host());
                g.writeStringField("error", u.error());
                g.writeEndObject();
            }
            g.writeEndArray();
            pairs(g, pairs);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString() + "\n";
    }

    private static void pairs(JsonGenerator g, Pairs p) throws IOException {
        g.writeObjectFieldStart("pairs");
        g.writeNumberField("perBundleCap", p.perBundleCap());
        g.writeNumberField("candidates", p.candidates());
        g.writeNumberField("diagnosed", p.diagnosed());
        g.writeNumberField("related", p.related());
        g.writeNumberField("failed", p.failed());
        g.writeNumberField("skippedByCap", p.skippedByCap());
        g.writeNumberField("crowdedKeys", p.crowdedKeys());
        g.writeNumberField("hubs", p.hubs());
        g.writeArrayFieldStart("hubSample");
        for (Hub h : p.hubSample()) {
            g.writeStartObject();
            g.writeStringField("bundle", h.bundle());
            g.writeStringField("host", h.host());
            g.writeNumberField("candidates", h.candidates());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("causes");
        for (PairCauseCount c : p.causes()) {
            g.writeStartObject();
            g.writeStringField("id", c.id());
            g.writeStringField("title", c.title());
            g.writeStringField("severity", c.severity());
            g.writeNumberField("pairs", c.pairs());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("sample");
        for (PairSample x : p.sample()) {
            g.writeStartObject();
            g.writeStringField("hostA", x.hostA());
            g.writeStringField("bundleA", x.bundleA());
            g.writeStringField("hostB", x.hostB());
            g.writeStringField("bundleB", x.bundleB());
            g.writeStringField("relation", x.relation());
            g.writeNumberField("joined", x.joined());
            g.writeStringField("cause", x.cause());
            g.writeArrayFieldStart("fixOn");
            for (String h : x.fixOn()) {
                g.writeString(h);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void hostGroup(JsonGenerator g, String name, HostGroup h) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("hosts", h.hosts());
        g.writeArrayFieldStart("sample");
        for (String s : h.sample()) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
