package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnameParserTest {

    private static KernelRelease release(Evidence ev) {
        assertThat(ev.facts(KernelRelease.class)).hasSize(1);
        return ev.facts(KernelRelease.class).get(0);
    }

    @Test
    void parse_labBusyboxUnameA_yieldsDebian12AndMachine() {
        KernelRelease k = release(HostFixtures.parse(SourceKind.UNAME, "uname/lab-6.12-busybox-a.txt"));

        assertThat(k.release()).isEqualTo("6.12.117+deb12-amd64");
        assertThat(k.machine()).isEqualTo("x86_64");
        assertThat(k.distribution()).isEqualTo("debian12");
        assertThat(k.provenance().line()).isEqualTo(1);
    }

    @Test
    void parse_alinux3UnameA_yieldsAlinux3() {
        KernelRelease k = release(HostFixtures.parse(SourceKind.UNAME, "uname/alinux3-a.txt"));

        assertThat(k.release()).isEqualTo("5.10.134-16.3.al8.x86_64");
        assertThat(k.machine()).isEqualTo("x86_64");
        assertThat(k.distribution()).isEqualTo("alinux3");
    }

    @Test
    void parse_unameR_hasNoMachine() {
        KernelRelease k = release(HostFixtures.parse(SourceKind.UNAME, "uname/alinux3-r.txt"));

        assertThat(k.release()).isEqualTo("5.10.134-16.3.al8.x86_64");
        assertThat(k.machine()).isEmpty();
        assertThat(k.distribution()).isEqualTo("alinux3");
    }

    @Test
    void parse_rhel9Aarch64_yieldsRhel9() {
        KernelRelease k = release(HostFixtures.parse(SourceKind.UNAME, "uname/rhel9-aarch64-a.txt"));

        assertThat(k.machine()).isEqualTo("aarch64");
        assertThat(k.distribution()).isEqualTo("rhel9");
    }

    @Test
    void parse_unameSrm_yieldsReleaseAndMachine() {
        KernelRelease k = release(HostFixtures.parseText(SourceKind.UNAME, "uname.txt", "Linux 6.6.71 s390x\n"));

        assertThat(k.release()).isEqualTo("6.6.71");
        assertThat(k.machine()).isEqualTo("s390x");
        assertThat(k.distribution()).isEmpty();
    }

    @Test
    void parse_hostnameLooksLikeVersion_stillTakesRelease() {
        KernelRelease k = release(HostFixtures.parseText(SourceKind.UNAME, "uname.txt",
                "Linux 10.0.0.5 4.18.0-513.5.1.el8_9.x86_64 #1 SMP Fri Sep 29 05:21:10 EDT 2023 x86_64 x86_64 x86_64 "
                        + "GNU/Linux\n"));

        assertThat(k.release()).isEqualTo("4.18.0-513.5.1.el8_9.x86_64");
        assertThat(k.distribution()).isEqualTo("rhel8");
    }

    @Test
    void parse_garbageAndSecondRelease_warn() {
        Evidence ev = HostFixtures.parseText(SourceKind.UNAME, "uname.txt",
                "uname: command not found\n5.10.134-16.3.al8.x86_64\n5.10.134-16.3.al8.x86_64\n6.1.0\n");

        assertThat(release(ev).release()).isEqualTo("5.10.134-16.3.al8.x86_64");
        assertThat(ev.warnings()).extracting(w -> w.line()).containsExactly(4);
        assertThat(ev.facts(ToolError.class)).extracting(ToolError::kind).containsExactly(ToolErrorKind.NOT_INSTALLED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5.10.134-16.3.al8.x86_64|alinux3",
        "5.10.134-13.an8.x86_64|anolis8",
        "5.10.134-17.1.an23.x86_64|anolis23",
        "6.6.102-5.2.alnx4.x86_64|alinux4",
        "4.19.91-27.al7.x86_64|alinux2",
        "6.12.117+deb12-amd64|debian12",
        "6.1.0-18+deb13-cloud-amd64|debian13",
        "4.18.0-513.el8.x86_64|rhel8",
        "5.14.0-362.8.1.el9_3.x86_64|rhel9",
        "5.15.0-200.131.27.el8uek.x86_64|rhel8",
        "6.5.6-300.fc39.x86_64|fedora39",
        "5.15.0-91-generic|ubuntu",
        "5.14.21-150500.55.39-default|suse",
        "6.6.7|''",
        "6.1.0-18-amd64|''"
    })
    void distribution_releaseString_yieldsDistribution(String release, String expected) {
        assertThat(UnameParser.distribution(release)).isEqualTo(expected);
    }
}
