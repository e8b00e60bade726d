package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.KernelSplat;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.SplatKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kernel reports become one {@link KernelSplat} each, with kind, header, frames, modules, faulting place, culprit and
 * kernel release, in every form they are published: journalctl wrapped by a mailer (case 06), bugzilla-wrapped lockdep
 * (10), elided oops (11), syzbot with source lines and {@code [inline]} frames (15, 16), indented in a commit message
 * (17), crash(8) bt (22), WARNING without log prefix (23), oops with {@code ? } frames (24, 25), a netdev refcount leak
 * (31). Sources: {@code src/test/resources/corpus/README.md}. Synthetic lines use the formats of {@code kernel/panic.c},
 * {@code kernel/hung_task.c}, {@code kernel/rcu/tree_stall.h}, {@code kernel/watchdog.c}, arm64 {@code fault.c}.
 */
class KernelSplatTest {

    private static KernelSplat splat(String resource) {
        List<KernelSplat> s = HostFixtures.parse(SourceKind.DMESG, resource).facts(KernelSplat.class);
        assertThat(s).as(resource).hasSize(1);
        return s.get(0);
    }

    private static List<KernelSplat> splats(String text) {
        return Evidence.builder().dmesgOutput(text).build().facts(KernelSplat.class);
    }

    @Test
    void refcountUnderflow_journalWrappedByMailer_s390_corpus06() {
        KernelSplat s = splat("corpus/06-journal-refcount-underflow-wrapped.txt");

        assertThat(s.kind()).isEqualTo(SplatKind.REFCOUNT);
        assertThat(s.detail()).isEqualTo("underflow; use-after-free.");
        assertThat(s.faultingFunction()).isEqualTo("refcount_dec_not_one");
        assertThat(s.faultingFile()).isEqualTo("lib/refcount.c");
        assertThat(s.faultInSmc()).isFalse();
        assertThat(s.culprit()).isEqualTo("smcr_link_cluster_on_link_state.part.0");
        assertThat(s.culpritInSmc()).isTrue();
        assertThat(s.frames()).startsWith("refcount_dec_not_one", "refcount_dec_not_one",
                "smcr_link_cluster_on_link_state.part.0", "smcr_link_clear", "smc_llc_add_link_work");
        assertThat(s.modules()).containsExactly("smc");
        assertThat(s.kernelRelease()).isEqualTo("6.0.0-rc2-00493-g91ecd751199f");
        assertThat(s.comm()).isEqualTo("kworker/1:2");
        assertThat(s.provenance().line()).isEqualTo(15);
        assertThat(s.timestamp()).isEqualTo("Aug 31 16:17:55");
    }

    @Test
    void lockdep_bugzillaWrapped_corpus10() {
        KernelSplat s = splat("corpus/10-lockdep-bugzilla-wrapped.txt");

        assertThat(s.kind()).isEqualTo(SplatKind.LOCKDEP);
        assertThat(s.detail()).isEqualTo("possible circular locking dependency detected");
        assertThat(s.faultingFunction()).isEmpty();
        assertThat(s.kernelRelease()).isEqualTo("6.12.42");
        assertThat(s.smcFunctions()).contains("smc_clcsock_release", "__smc_release", "smc_release");
        assertThat(s.culpritInSmc()).isTrue();
        assertThat(s.involvesSmc()).isTrue();
    }

    @Test
    void pageFault_elidedBody_corpus11() {
        KernelSplat s = splat("corpus/11-page-fault-elided.txt");

        assertThat(s.kind()).isEqualTo(SplatKind.PAGE_FAULT);
        assertThat(s.faultingFunction()).isEqualTo("_raw_spin_lock");
        assertThat(s.faultInSmc()).isFalse();
        assertThat(s.culprit()).isEqualTo("smc_cdc_tx_handler");
        assertThat(s.unreliable()).containsExactly("smc_cdc_tx_dismisser");
        assertThat(s.smcFunctions()).containsExactly("smc_cdc_tx_handler", "smc_wr_tx_tasklet_fn");
        assertThat(s.hardware()).startsWith("Alibaba Cloud Alibaba Cloud ECS");
        assertThat(s.kernelRelease()).isEqualTo("5.16.0-rc4+");
    }

    @Test
    void gpf_syzbotWithInlineFrames_corpus15() {
        KernelSplat s = splat("corpus/15-syzbot-gpf.txt");

        assertThat(s.kind()).isEqualTo(SplatKind.GENERAL_PROTECTION_FAULT);
        assertThat(s.faultingFunction()).isEqualTo("__list_del_entry_valid");
        assertThat(s.faultingFile()).isEqualTo("lib/list_debug.c");
        assertThat(s.frames()).startsWith("__list_del_entry", "list_del_init", "smc_ib_remove_dev");
        assertThat(s.culprit()).isEqualTo("smc_ib_remove_dev");
        assertThat(s.kernelRelease()).isEqualTo("5.6.0-rc1-syzkaller");
    }

    @Test
    void kasan_faultInSmcFile_corpus16() {
        KernelSplat s = splat("corpus/16-syzbot-kasan.txt");

        assertThat(s.kind()).isEqualTo(SplatKind.KASAN);
        assertThat(s.detail()).isEqualTo("slab-out-of-bounds");
        assertThat(s.faultingFunction()).isEqualTo("smc_fback_error_report");
        assertThat(s.faultingFile()).isEqualTo("net/smc/af_smc.c");
        assertThat(s.faultInSmc()).isTrue();
    }

    @Test
    void gpf_indentedInCommitMessage_corpus17() {
        KernelSplat s = splat("corpus/17-gpf-indented.txt");

        assertThat(s.kind()).isEqualTo(SplatKind.GENERAL_PROTECTION_FAULT);
        assertThat(s.header()).startsWith("Oops: general protection fault");
        assertThat(s.faultingFunction()).isEqualTo("smc_diag_msg_common_fill");
        assertThat(s.faultingFile()).isEqualTo("net/smc/smc_diag.c");
        assertThat(s.faultInSmc()).isTrue();
        assertThat(s.kernelRelease()).as("syzbot hides the release").isEmpty();
        assertThat(s.frames()).first().isEqualTo("smc_diag_dump_proto");
        assertThat(s.truncated()).isFalse();
    }

    @Test
    void refcountWarning_withoutPrefix_corpus23() {
        KernelSplat s = splat("corpus/23-refcount-warning.txt");

        assertThat(s.kind()).isEqualTo(SplatKind.REFCOUNT);
        assertThat(s.faultingFunction()).isEqualTo("refcount_warn_saturate");
        assertThat(s.culprit()).isEqualTo("smc_release");
        assertThat(s.comm()).isEqualTo("nginx");
        assertThat(s.modules()).isEmpty();
    }

    @Test
    void nullDeref_unreliableFramesAndModules_corpus24and25() {
        KernelSplat a = splat("corpus/24-null-deref-smc_diag.txt");
        KernelSplat b = splat("corpus/25-null-deref-smc.txt");

        assertThat(a.kind()).isEqualTo(SplatKind.NULL_POINTER_DEREFERENCE);
        assertThat(a.faultingFunction()).isEqualTo("__smc_diag_dump.constprop.0");
        assertThat(a.faultInSmc()).isTrue();
        assertThat(a.modules()).containsExactly("smc_diag");
        assertThat(a.unreliable()).startsWith("__die", "page_fault_oops");
        assertThat(a.comm()).isEqualTo("smcss");
        assertThat(a.kernelRelease()).isEqualTo("6.7.0-rc6+");
        assertThat(b.faultingFunction()).isEqualTo("smc_clc_send_confirm_accept");
        assertThat(b.modules()).containsExactly("smc", "mlx5_ib");
        assertThat(b.smcFunctions()).startsWith("smc_clc_send_confirm_accept", "smc_clc_send_accept");
    }

    @Test
    void netdevRefcountLeak_withoutSmcFrames_isNotSmc_corpus31() {
        KernelSplat s = splat("corpus/31-netdev-refcount-leak.txt");

        assertThat(s.kind()).isEqualTo(SplatKind.NETDEV_REFCOUNT_LEAK);
        assertThat(s.frames()).startsWith("___neigh_create", "neigh_event_ns");
        assertThat(s.involvesSmc()).as("the frames shown do not reach SMC").isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "WARNING: CPU: 3 PID: 42 at net/smc/smc_core.c:1234 smc_conn_free+0x1a/0x2b [smc]|WARNING|smc_conn_free|net/smc/smc_core.c|true",
        "WARNING: net/smc/af_smc.c:321 at smc_release+0x10/0x20 [smc], CPU#1: nginx/42|WARNING|smc_release|net/smc/af_smc.c|true",
        "WARNING: at smc_tx_sendmsg+0x10/0x20 [smc]()|WARNING|smc_tx_sendmsg||true",
        "BUG: KASAN: slab-use-after-free in smc_close_active+0x1a/0x2b [smc]|KASAN|smc_close_active||true",
        "kernel BUG at net/smc/smc_wr.c:77!|KERNEL_BUG||net/smc/smc_wr.c|true",
        "UBSAN: array-index-out-of-bounds in net/smc/smc_stats.c:12:3|UBSAN||net/smc/smc_stats.c|true",
        "KFENCE: use-after-free read in smc_rx_recvmsg+0x5/0x9 [smc]|KFENCE|smc_rx_recvmsg||true",
        "Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010|NULL_POINTER_DEREFERENCE|||false",
        "INFO: task nginx:4242 blocked for more than 122 seconds.|HUNG_TASK|||false",
        "rcu: INFO: rcu_preempt detected stalls on CPUs/tasks:|RCU_STALL|||false",
        "watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [kworker/3:1:99]|SOFT_LOCKUP|||false",
        "BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580|BUG|||false",
    })
    void headers_giveKindAndFaultingPlace(String header, SplatKind kind, String function, String file, boolean inSmc) {
        List<KernelSplat> s = splats("[  1.0] " + header + "\n[  1.1] Call Trace:\n[  1.2]  <TASK>\n"
                + "[  1.3]  smc_sendmsg+0x11/0x22 [smc]\n[  1.4]  __sys_sendto+0x1/0x2\n[  1.5]  </TASK>\n");

        assertThat(s).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(kind);
            assertThat(x.header()).isEqualTo(header);
            assertThat(x.faultingFunction()).isEqualTo(function == null ? "" : function);
            assertThat(x.faultingFile()).isEqualTo(file == null ? "" : file);
            assertThat(x.faultInSmc()).isEqualTo(inSmc);
            assertThat(x.frames()).containsExactly("smc_sendmsg", "__sys_sendto");
            assertThat(x.involvesSmc()).isTrue();
        });
    }

    @Test
    void arm64_pcLineIsTheFaultingFunction() {
        List<KernelSplat> s = splats("Unable to handle kernel paging request at virtual address ffff800012345678\n"
                + "Internal error: Oops: 96000005 [#1] PREEMPT SMP\n"
                + "CPU: 2 PID: 77 Comm: kworker/2:1 Tainted: G        W          6.1.0-18-arm64 #1  Debian 6.1.76-1\n"
                + "pc : smcr_link_down+0x40/0x120 [smc]\nlr : smcr_link_down_cond+0x30/0x60 [smc]\n"
                + "Call trace:\n smcr_link_down+0x40/0x120 [smc]\n smc_ib_port_event_work+0x9c/0x140 [smc]\n"
                + " process_one_work+0x1f4/0x460\n");

        assertThat(s).singleElement().satisfies(x -> {
            assertThat(x.kind()).isEqualTo(SplatKind.PAGE_FAULT);
            assertThat(x.faultingFunction()).isEqualTo("smcr_link_down");
            assertThat(x.faultInSmc()).isTrue();
            assertThat(x.kernelRelease()).isEqualTo("6.1.0-18-arm64");
            assertThat(x.frames()).containsExactly("smcr_link_down", "smc_ib_port_event_work", "process_one_work");
        });
    }

    @Test
    void twoReports_areTwoFacts_inOrder_andOtherLinesStillGiveEvents() {
        Evidence ev = Evidence.builder().dmesgOutput("[ 1.0] WARNING: CPU: 0 PID: 1 at net/smc/a.c:1 f+0x1/0x2 [smc]\n"
                + "[ 1.1] Call Trace:\n[ 1.2]  smc_a+0x1/0x2 [smc]\n[ 1.3] ---[ end trace 0000000000000000 ]---\n"
                + "[ 2.0] smc: removing ib device mlx5_0\n"
                + "[ 3.0] BUG: kernel NULL pointer dereference, address: 0000000000000010\n"
                + "[ 3.1] RIP: 0010:smc_b+0x1/0x2 [smc]\n[ 3.2] Call Trace:\n[ 3.3]  smc_c+0x1/0x2 [smc]\n").build();

        List<KernelSplat> s = ev.facts(KernelSplat.class);
        assertThat(s).extracting(KernelSplat::kind).containsExactly(SplatKind.WARNING,
                SplatKind.NULL_POINTER_DEREFERENCE);
        assertThat(s.get(0).lastLine()).isEqualTo(4);
        assertThat(s.get(0).truncated()).isFalse();
        assertThat(s.get(1).faultingFunction()).isEqualTo("smc_b");
        assertThat(ev.facts(io.smcdoctor.evidence.facts.KernelEvent.class)).isNotEmpty();
    }

    @Test
    void truncatedReport_isKept_andMarked() {
        List<KernelSplat> s = splats("general protection fault, probably for non-canonical address 0xdead: 0000 [#1]\n"
                + "CPU: 0 PID: 1 Comm: x Not tainted 5.10.0 #1\n");

        assertThat(s).singleElement().satisfies(x -> {
            assertThat(x.truncated()).isTrue();
            assertThat(x.frames()).isEmpty();
            assertThat(x.kernelRelease()).isEqualTo("5.10.0");
        });
    }

    @Test
    void framesAndReports_areBounded_withAWarning() {
        StringBuilder b = new StringBuilder("WARNING: CPU: 0 PID: 1 at net/smc/a.c:1 smc_x+0x1/0x2 [smc]\nCall Trace:\n");
        for (int i = 0; i < 100; i++) {
            b.append(" smc_f").append(i).append("+0x1/0x2 [smc]\n");
        }
        for (int i = 0; i < SplatAssembler.MAX_SPLATS + 5; i++) {
            b.append("WARNING: CPU: 0 PID: 1 at net/smc/a.c:1 smc_y+0x1/0x2 [smc]\n");
        }
        Evidence ev = Evidence.builder().dmesgOutput(b.toString()).build();

        List<KernelSplat> s = ev.facts(KernelSplat.class);
        assertThat(s).hasSize(SplatAssembler.MAX_SPLATS);
        assertThat(s.get(0).frames()).hasSize(KernelSplat.MAX_FRAMES);
        assertThat(s.get(0).truncated()).isTrue();
        assertThat(ev.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("6 more kernel reports"));
    }

    @Test
    void smcFunctionNames() {
        assertThat(KernelSplat.isSmcFunction("smc_release")).isTrue();
        assertThat(KernelSplat.isSmcFunction("__smc_release")).isTrue();
        assertThat(KernelSplat.isSmcFunction("smcr_link_clear")).isTrue();
        assertThat(KernelSplat.isSmcFunction("smcd_register_dev")).isTrue();
        assertThat(KernelSplat.isSmcFunction("__pfx_smc_diag_dump")).isTrue();
        assertThat(KernelSplat.isSmcFunction("smcss_main")).isFalse();
        assertThat(KernelSplat.isSmcFunction("tcp_sendmsg")).isFalse();
        assertThat(KernelSplat.isSmcFile("net/smc/af_smc.c")).isTrue();
    }

    @Test
    void modulesLinkedInAlone_provesNothing() {
        List<KernelSplat> s = splats("WARNING: CPU: 0 PID: 1 at net/ipv4/tcp.c:1 tcp_x+0x1/0x2\n"
                + "Modules linked in: smc_diag smc ib_core\nCall Trace:\n tcp_y+0x1/0x2\n");

        assertThat(s).singleElement().satisfies(x -> {
            assertThat(x.involvesSmc()).isFalse();
            assertThat(x.modules()).isEmpty();
        });
    }
}
