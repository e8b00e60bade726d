package io.smcdoctor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.HostIdentity;
import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelEventKind;
import io.smcdoctor.evidence.facts.LoadedModule;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SysctlSetting;
import java.util.Map;
import java.util.Optional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RuleBaseTest {
    private static final Pattern RULE = Pattern.compile("(?m)^rule \"");

    @Test
    void bundled_isOneSharedRuleBaseWithEveryRule() {
        RuleBase shared = RuleBase.bundled();
        assertThat(RuleBase.bundled()).isSameAs(shared);
        assertThat(shared.ruleCount()).isEqualTo(RuleBase.load().ruleCount()).isPositive();
    }

    @Test
    void load_precompiledModel_hasEveryRuleOfTheDrlSources() throws IOException {
        int declared = 0;
        try (Stream<Path> drl = Files.walk(Path.of("src/main/resources"))) {
            for (Path p : drl.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Matcher m = RULE.matcher(Files.readString(p));
                while (m.find()) {
                    declared++;
                }
            }
        }

        RuleBase rules = RuleBase.load();

        assertThat(declared).isPositive();
        assertThat(rules.ruleCount()).isEqualTo(declared);
    }

    /**
     * The bundled rule base is built without property reactivity ({@code RuleBase.load}), which changes nothing only
     * as long as no bundled rule changes a fact it matched: no {@code modify}, {@code update} or {@code delete}.
     */
    @Test
    void bundledRules_neverChangeAFact() throws IOException {
        Pattern change = Pattern.compile("\\b(modify|update|delete|retract)\\s*\\(");
        List<Path> files;
        try (Stream<Path> drl = Files.walk(Path.of("src/main/resources"))) {
            files = drl.filter(f -> f.toString().endsWith(".drl")).toList();
        }

        assertThat(files).isNotEmpty();
        for (Path p : files) {
            List<String> code = Files.readAllLines(p).stream()
                    .map(l -> l.replaceAll("//.*", "").replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""))
                    .filter(l -> change.matcher(l).find()).toList();
            assertThat(code).as("%s changes a fact: property reactivity is off for the bundled rules", p).isEmpty();
        }
    }

    @Test
    void declaredInputs_comeFromNeedsAndConcludes_withTheCauseOfTheRuleName() {
        List<DeclaredInputs> declared = RuleBase.load().declaredInputs();

        assertThat(declared).filteredOn(d -> d.rule().equals(
                        "nosmcdev-rdma-netns-exclusive: exclusive mode, devices of this namespace unknown"))
                .singleElement().satisfies(d -> {
                    assertThat(d.needs()).containsExactly(SourceKind.RDMA_SYSTEM, SourceKind.RDMA_LINK);
                    assertThat(d.causes()).containsExactlyInAnyOrder("nosmcdev-rdma-netns-exclusive",
                            "nosmcrdev-rdma-netns-exclusive");
                });
        assertThat(declared).filteredOn(d -> d.rule().startsWith("nosmcdev-nic-without-erdma: "))
                .hasSize(2).allSatisfy(d -> assertThat(d.needs()).contains(SourceKind.IP_ADDR))
                .anySatisfy(d -> assertThat(d.needs()).contains(SourceKind.IBV_DEVINFO))
                .anySatisfy(d -> assertThat(d.needs()).contains(SourceKind.RDMA_LINK));
        assertThat(declared).extracting(DeclaredInputs::rule).doesNotHaveDuplicates()
                .noneMatch(r -> r.startsWith("smc-working: "));
    }

    @Test
    void needed_leavesOutTheFactsNoRuleCanMatch() {
        RuleBase rules = RuleBase.bundled();
        LoadedModule smc = module("smc");
        LoadedModule mlx = module("mlx5_core");
        LoadedModule xfs = module("xfs");
        SysctlSetting tcp2smc = new SysctlSetting(new Provenance("sysctl.txt", 7, "net.smc.tcp2smc = 1"),
                "net.smc.tcp2smc", "1");
        SysctlSetting pidMax = new SysctlSetting(new Provenance("sysctl.txt", 3, "kernel.pid_max = 4194304"),
                "kernel.pid_max", "4194304");
        KernelEvent registered = new KernelEvent(new Provenance("dmesg.txt", 1, "NET: Registered PF_SMC protocol family"),
                KernelEventKind.SMC_REGISTERED, Map.of(), "");
        HostIdentity host = new HostIdentity(new Provenance("hostname.txt", 1, "h"), "h", Optional.empty());
        LoadedModules listed = new LoadedModules(List.of(smc, mlx, xfs));
        LoadedModules none = new LoadedModules(List.of());

        // module.drl and status.drl name smc and mlx* (LoadedModule( name == "smc" ), name str[startsWith] "mlx"),
        // module.drl the net.smc.* keys, the PF_SMC registration and a non-empty module listing; no rule names xfs,
        // kernel.pid_max or the host name
        assertThat(rules.needed(List.of(smc, xfs, mlx, pidMax, tcp2smc, registered, host, listed, none)))
                .containsExactly(smc, mlx, tcp2smc, registered, listed);
    }

    @Test
    void run_withTheFactsNoRuleCanMatchLeftOut_concludesWhatEveryFactConcludes() throws IOException {
        RuleBase rules = RuleBase.bundled();
        Catalog catalog = Catalog.bundled();
        List<Path> bundles;
        try (Stream<Path> dirs = Files.list(Path.of("../samples/bundles"))) {
            bundles = dirs.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(bundles).hasSizeGreaterThan(10);
        for (Path bundle : bundles) {
            Evidence evidence = EvidenceBundle.read(List.of(bundle));
            RuleOutcome all = rules.run(evidence, catalog, false);
            RuleOutcome filtered = rules.run(evidence, catalog, true);

            assertThat(filtered.findings()).as(bundle.toString())
                    .containsExactlyInAnyOrderElementsOf(all.findings());
            assertThat(filtered.ruledOut()).as(bundle.toString()).isEqualTo(all.ruledOut());
        }
    }

    private static LoadedModule module(String name) {
        return new LoadedModule(new Provenance("lsmod.txt", 2, name + " 1 0"), name, 1, 0, List.of());
    }

    @Test
    void prepareSession_onAnotherThreadWhileTheFirstRunStarts_changesNoOutcome() throws Exception {
        Evidence evidence = EvidenceBundle.read(List.of(Path.of("../samples/bundles/peer-no-smc")));
        Catalog catalog = Catalog.bundled();
        RuleOutcome expected = RuleBase.bundled().run(evidence, catalog);
        RuleBase fresh = RuleBase.load();

        Thread preparing = new Thread(fresh::prepareSession);
        preparing.start();
        RuleOutcome first = fresh.run(evidence, catalog);
        preparing.join();
        fresh.prepareSession();

        assertThat(expected.findings()).isNotEmpty();
        assertThat(first.findings()).containsExactlyInAnyOrderElementsOf(expected.findings());
        assertThat(fresh.run(evidence, catalog).findings()).containsExactlyInAnyOrderElementsOf(expected.findings());
    }
}
