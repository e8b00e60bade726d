package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.LoadedModule;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LsmodParserTest {

    @Test
    void parse_labBusybox_skipsTaintedHeaderAndReadsDependencies() {
        Evidence ev = HostFixtures.parse(SourceKind.LSMOD, "lsmod/lab-6.12-busybox.txt");
        List<LoadedModule> mods = ev.facts(LoadedModule.class);

        assertThat(mods).hasSize(15);
        assertThat(mods.get(0).name()).isEqualTo("smc_diag");
        LoadedModule smc = mods.get(1);
        assertThat(smc.name()).isEqualTo("smc");
        assertThat(smc.size()).isEqualTo(274432);
        assertThat(smc.useCount()).isEqualTo(3);
        assertThat(smc.usedBy()).containsExactly("smc_diag");
        assertThat(smc.provenance().line()).isEqualTo(3);
        LoadedModule ibCore = mods.stream().filter(m -> m.name().equals("ib_core")).findFirst().orElseThrow();
        assertThat(ibCore.usedBy()).containsExactly("smc", "rdma_rxe", "ib_uverbs");
        assertThat(mods.stream().filter(m -> m.name().equals("crc32_generic")).findFirst().orElseThrow().usedBy())
                .isEmpty();
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_labSmcMissing_hasNoSmcModule() {
        List<LoadedModule> mods =
                HostFixtures.parse(SourceKind.LSMOD, "lsmod/lab-6.12-smc-missing-busybox.txt").facts(LoadedModule.class);

        assertThat(mods).extracting(LoadedModule::name).doesNotContain("smc", "smc_diag").contains("rdma_rxe");
    }

    @Test
    void parse_kmodWithOfed_readsPermanentAndOfedModules() {
        List<LoadedModule> mods = HostFixtures.parse(SourceKind.LSMOD, "lsmod/kmod-ofed.txt").facts(LoadedModule.class);

        assertThat(mods).extracting(LoadedModule::name).containsExactly("smc_diag", "smc", "erdma", "mlx5_ib",
                "ib_uverbs", "ib_core", "mlx5_core", "mlx_compat", "ip_tables");
        assertThat(mods.get(1).useCount()).isEqualTo(51);
        assertThat(mods.get(7).usedBy()).containsExactly("ib_core", "mlx5_ib", "mlx5_core", "ib_uverbs");
        assertThat(mods.get(8).usedBy()).isEmpty();
    }

    @Test
    void parse_procModules_stopsAtState() {
        List<LoadedModule> mods =
                HostFixtures.parse(SourceKind.LSMOD, "lsmod/proc-modules.txt").facts(LoadedModule.class);

        assertThat(mods).extracting(LoadedModule::name).containsExactly("smc_diag", "smc", "ib_core", "mlx_compat");
        assertThat(mods.get(0).usedBy()).isEmpty();
        assertThat(mods.get(1).usedBy()).containsExactly("smc_diag");
        assertThat(mods.get(2).usedBy()).containsExactly("smc", "rdma_rxe", "ib_uverbs");
    }

    @Test
    void parse_garbage_warnsAndKeepsTheRest() {
        Evidence ev = HostFixtures.parseText(SourceKind.LSMOD, "lsmod.txt",
                "Module Size Used by\nsmc 274432 0\nlsmod: can't open '/proc/modules'\nsmc_diag notanumber 0\n"
                        + "rdma_rxe 192512 99999999999\n\r\nib_core 528384 1 smc\r\n");

        assertThat(ev.facts(LoadedModule.class)).extracting(LoadedModule::name).containsExactly("smc", "ib_core");
        assertThat(ev.warnings()).extracting(w -> w.line()).containsExactly(4, 5);
        // busybox: the module list itself is unreadable, a tool error (it hides whether smc is loaded)
        assertThat(ev.facts(ToolError.class)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(ToolErrorKind.MODULE_LIST_UNAVAILABLE);
            assertThat(e.provenance().line()).isEqualTo(3);
        });
    }
}
