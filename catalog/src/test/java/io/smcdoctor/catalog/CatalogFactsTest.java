package io.smcdoctor.catalog;

import static io.smcdoctor.catalog.Overlays.at;
import static io.smcdoctor.catalog.Overlays.fixture;
import static io.smcdoctor.catalog.Overlays.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.KnowledgeValidationException.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The facts of the catalog (tools, sysctls, kernel features, known bugs, applications): loaded from the bundled
 * YAML with every reference resolved, found by the names users type, validated as strictly as reason codes, and
 * overridden or added by overlays.
 */
class CatalogFactsTest {
    private static final Catalog BUNDLED = Catalog.bundled();

    private static Stream<KnowledgeFact> all(Catalog c) {
        List<KnowledgeFact> out = new ArrayList<>(c.tools());
        out.addAll(c.sysctls());
        out.addAll(c.kernelFeatures());
        out.addAll(c.knownBugs());
        out.addAll(c.applications());
        return out.stream();
    }

    @Test
    void bundled_hasEveryKindOfFact() {
        assertThat(BUNDLED.tools()).extracting(Tool::command)
                .contains("smcss", "smcr device", "smcr linkgroup", "smcr stats", "smcr info", "smcr ueid",
                        "smcd seid", "smc_run", "smc_chk", "smc_pnet", "smc_dbg", "smc_rnics");
        assertThat(BUNDLED.sysctls()).extracting(Sysctl::fullName)
                .contains("net.smc.limit_smc_hs", "net.smc.wmem", "net.smc.rmem", "net.smc.autocorking_size",
                        "net.smc.smcr_buf_type", "net.smc.hs_ctrl", "net.smc.smcr_max_send_wr",
                        "net.smc.smcr_max_recv_wr", "net.smc.tcp2smc", "net.core.rmem_max");
        assertThat(BUNDLED.kernelFeatures()).extracting(KernelFeature::id)
                .contains("feature:smc-rv2", "feature:smc-dv2", "feature:ueid", "feature:seid", "feature:ipproto-smc",
                        "feature:loopback-ism", "feature:hs-ctrl", "feature:smc-stats");
        assertThat(BUNDLED.knownBugs()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(BUNDLED.applications()).extracting(Application::id).contains("app:nginx", "app:redis", "app:go");
    }

    @Test
    void bundled_factsAreBilingualSourcedAndTheirReferencesResolve() {
        all(BUNDLED).forEach(f -> {
            assertThat(f.title().en()).as(f.id()).isNotBlank();
            assertThat(f.title().ja()).as(f.id()).isNotBlank();
            assertThat(f.summary().en()).as(f.id()).isNotBlank();
            assertThat(f.summary().ja()).as(f.id()).isNotBlank();
            assertThat(f.references()).as(f.id() + " references").isNotEmpty();
            assertThat(f.id()).startsWith(f.kind().prefix() + ":");
            f.relatedIds().forEach(r -> assertThat(BUNDLED.fact(r)).as(f.id() + " -> " + r).isPresent());
            f.relatedCodes().forEach(c -> assertThat(BUNDLED.reasonCode(c)).as(f.id() + " -> code").isPresent());
        });
    }

    @Test
    void bundled_mainlineSysctlsHaveTheirReleaseAndCommit() {
        Sysctl hs = (Sysctl) BUNDLED.fact("limit_smc_hs").orElseThrow();
        assertThat(hs.addedIn()).isEqualTo("6.12");
        assertThat(hs.commit()).startsWith("f8406a2fd279");
        assertThat(hs.origin()).isEqualTo(Sysctl.Origin.MAINLINE);
        assertThat(BUNDLED.sysctls()).filteredOn(s -> s.origin() == Sysctl.Origin.MAINLINE)
                .allSatisfy(s -> assertThat(s.addedIn()).matches("[0-9]+\\.[0-9]+"));
    }

    @Test
    void fact_findsWhatUsersType() {
        assertThat(BUNDLED.fact("smcss")).get().extracting(KnowledgeFact::id).isEqualTo("tool:smcss");
        assertThat(BUNDLED.fact("smcr stats")).get().extracting(KnowledgeFact::id).isEqualTo("tool:smcr-stats");
        assertThat(BUNDLED.fact("smcr -d stats")).get().extracting(KnowledgeFact::id).isEqualTo("tool:smcr-stats");
        assertThat(BUNDLED.fact("smcr  D")).get().extracting(KnowledgeFact::id).isEqualTo("tool:smcr-device");
        assertThat(BUNDLED.fact("net.smc.limit_smc_hs")).get().extracting(KnowledgeFact::id)
                .isEqualTo("sysctl:net.smc.limit_smc_hs");
        assertThat(BUNDLED.fact("/proc/sys/net/smc/wmem")).get().extracting(KnowledgeFact::id)
                .isEqualTo("sysctl:net.smc.wmem");
        assertThat(BUNDLED.fact("sysctl -w net.smc.rmem=1048576")).get().extracting(KnowledgeFact::id)
                .isEqualTo("sysctl:net.smc.rmem");
        assertThat(BUNDLED.fact("loopback-ism")).get().extracting(KnowledgeFact::id).isEqualTo("feature:loopback-ism");
        assertThat(BUNDLED.fact("Bug:Listen-Loop")).get().extracting(KnowledgeFact::id).isEqualTo("bug:listen-loop");
        assertThat(BUNDLED.fact("CVE-2025-40168")).get().extracting(KnowledgeFact::id)
                .isEqualTo("bug:smc-clc-prfx-match-uaf");
        assertThat(BUNDLED.fact("Redis")).get().extracting(KnowledgeFact::id).isEqualTo("app:redis");
        assertThat(BUNDLED.fact("IPPROTO_SMC")).get().extracting(KnowledgeFact::id).isEqualTo("feature:ipproto-smc");
        // a sysctl's own name wins over a feature alias that contains it
        assertThat(BUNDLED.fact("hs_ctrl")).get().extracting(KnowledgeFact::id).isEqualTo("sysctl:net.smc.hs_ctrl");
        assertThat(BUNDLED.fact("net.smc.no_such_thing")).isEmpty();
        assertThat(BUNDLED.fact("smcr frobnicate")).isEmpty();
        assertThat(BUNDLED.fact("")).isEmpty();
    }

    @Test
    void suggestions_offerFactNames() {
        assertThat(BUNDLED.suggestions("limit_smc_hz", 3)).contains("limit_smc_hs");
        assertThat(BUNDLED.suggestions("net.smc.wmen", 3)).contains("net.smc.wmem");
        assertThat(BUNDLED.suggestions("smcsss", 3)).contains("smcss");
    }

    @Test
    void load_badFacts_reportEveryProblemWithPosition() {
        Path bad = fixture("facts-bad.yaml");
        List<Problem> ps = problems(bad);
        assertThat(ps).allMatch(p -> p.file().equals(bad.toString()));
        at(ps, 6, "'since' must be an smc-tools release");
        assertThat(at(ps, 7, "unknown field 'colour' in a tool").column()).isEqualTo(5);
        at(ps, 9, "missing ja (Japanese) text of 'title'");
        at(ps, 11, "unknown id 'tool:smcz' in 'purpose'");
        assertThat(at(ps, 14, "unknown id 'tool:smc-run' in 'relatedTools'").message())
                .contains("did you mean 'tool:smc_run'");
        at(ps, 15, "unknown reason code 0x0303ffff in 'relatedCodes'");
        at(ps, 18, "id 'sysctl:net.smc.wmem2' does not match the name: expected 'sysctl:net.smc.wmem3'");
        at(ps, 26, "'addedIn' must be a mainline release");
        at(ps, 27, "'commit' must be a commit id");
        at(ps, 34, "id 'feature:Bad_Id' is malformed");
        at(ps, 48, "'cve' must be a CVE id");
        assertThat(at(ps, 49, "'symptom' must be one of").message()).contains("null-deref", "kasan");
        at(ps, 50, "splat function 'smc_x+0x10' must be a C function name");
        at(ps, 57, "duplicate id 'bug:test-bug' (first at line 43)");
        at(ps, 71, "'nginx' names both app:test-app and app:nginx");
        at(ps, 78, "unknown socket option 'TCP_FASTOPN' in 'option'");
        at(ps, 82, "'relatedBugs' lists bug:... ids, found 'sysctl:net.smc.wmem'");
        // nothing else: the mention in purpose is reported once although both languages carry it
        assertThat(ps.stream().filter(p -> p.message().contains("tool:smcz"))).hasSize(1);
    }

    @Test
    void load_factOverlay_overridesAndAdds() {
        Catalog c = Catalog.load(fixture("facts-override.yaml"));
        Tool smcss = (Tool) c.fact("smcss").orElseThrow();
        assertThat(smcss.title().en()).isEqualTo("smcss (site build)");
        assertThat(smcss.options()).isEmpty();
        assertThat(c.tools()).hasSameSizeAs(BUNDLED.tools());
        assertThat(c.sysctls()).hasSize(BUNDLED.sysctls().size() + 1);
        assertThat(c.fact("site_knob")).get().isInstanceOf(Sysctl.class);
        Application proxy = (Application) c.fact("siteproxy").orElseThrow();
        assertThat(proxy.relatedIds()).containsExactly("bug:site-splat", "sysctl:net.smc.site_knob");
        assertThat(c.fact("bug:site-splat")).get().extracting(f -> ((KnownBug) f).fixedIn()).isEqualTo("");
        // the bundled catalog is untouched
        assertThat(((Tool) BUNDLED.fact("smcss").orElseThrow()).options()).isNotEmpty();
        assertThat(BUNDLED.fact("site_knob")).isEmpty();
    }
}
