package io.smcdoctor.evidence.internal;

import static io.smcdoctor.evidence.internal.SmcFixtures.parse;
import static io.smcdoctor.evidence.internal.SmcFixtures.parseText;
import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.SmcdDevice;
import io.smcdoctor.evidence.facts.SmcrDevice;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmcrDeviceParserTest {

    @Test
    void parse_plainDevice_yieldsPortsTypesAndPnetIds() {
        Evidence ev = parse(SourceKind.SMCR_DEVICE, "smcr/device.txt");

        assertThat(ev.warnings()).isEmpty();
        List<SmcrDevice> devs = ev.facts(SmcrDevice.class);
        assertThat(devs).hasSize(5);
        SmcrDevice erdma = devs.get(0);
        assertThat(erdma.netDev()).isEqualTo("eth1");
        assertThat(erdma.ibDev()).isEqualTo("erdma_0");
        assertThat(erdma.ibPort()).isEqualTo(1);
        assertThat(erdma.state()).isEqualTo("ACTIVE");
        assertThat(erdma.type()).isEqualTo("0x107f");
        assertThat(erdma.critical()).isTrue();
        assertThat(erdma.links()).isEqualTo(2);
        assertThat(erdma.pnetId()).isEmpty();
        assertThat(erdma.pnetUserDefined()).isFalse();
        assertThat(erdma.fid()).isEmpty();
        SmcrDevice user = devs.get(1);
        assertThat(user.pnetId()).isEqualTo("NET1");
        assertThat(user.pnetUserDefined()).isTrue();
        assertThat(user.critical()).isFalse();
        assertThat(devs.get(2).state()).isEqualTo("INACTIVE");
        assertThat(devs.get(3).ibDev()).isEqualTo("mlx5_bon");
        assertThat(devs.get(3).pnetId()).isEqualTo("NET2");
        assertThat(devs.get(3).pnetUserDefined()).isFalse();
        SmcrDevice noNetdev = devs.get(4);
        assertThat(noNetdev.netDev()).isEmpty();
        assertThat(noNetdev.ibDev()).isEqualTo("rxe0");
        assertThat(noNetdev.type()).isEqualTo("0");
        assertThat(noNetdev.provenance().line()).isEqualTo(6);
    }

    @Test
    void parse_detailedDevice_yieldsFidPciIdAndPchid() {
        Evidence ev = parse(SourceKind.SMCR_DEVICE, "smcr/device-d.txt");

        assertThat(ev.warnings()).isEmpty();
        List<SmcrDevice> devs = ev.facts(SmcrDevice.class);
        assertThat(devs).hasSize(4);
        SmcrDevice roce = devs.get(0);
        assertThat(roce.type()).isEqualTo("RoCE_Express2");
        assertThat(roce.critical()).isTrue();
        assertThat(roce.fid()).isEqualTo("001a");
        assertThat(roce.pciId()).isEqualTo("0000:00:00.0");
        assertThat(roce.pchid()).isEqualTo("0145");
        assertThat(roce.links()).isEqualTo(3);
        assertThat(roce.pnetId()).isEqualTo("PNET1");
        SmcrDevice erdma = devs.get(1);
        assertThat(erdma.type()).isEqualTo("0x107f");
        assertThat(erdma.pciId()).isEqualTo("0000:00:05.0");
        assertThat(erdma.links()).isEqualTo(1);
        SmcrDevice rxe = devs.get(2);
        assertThat(rxe.pciId()).isEmpty();
        assertThat(rxe.fid()).isEqualTo("7f6f");
        assertThat(rxe.pchid()).isEqualTo("0000");
        SmcrDevice odd = devs.get(3);
        assertThat(odd.state()).isEqualTo("0x5?");
        assertThat(odd.ibPort()).isEqualTo(2);
        assertThat(odd.type()).isEqualTo("RoCE_Express3");
        assertThat(odd.pnetId()).isEqualTo("NET2");
        assertThat(odd.pnetUserDefined()).isTrue();
    }

    @Test
    void parse_labDevice_yieldsSoftRoceRow() {
        Evidence ev = parse(SourceKind.SMCR_DEVICE, "smcr/lab-device-d.txt");

        assertThat(ev.warnings()).isEmpty();
        SmcrDevice d = ev.facts(SmcrDevice.class).get(0);
        assertThat(d.netDev()).isEqualTo("eth0");
        assertThat(d.ibDev()).isEqualTo("rxe0");
        assertThat(d.type()).isEqualTo("0");
        assertThat(d.critical()).isTrue();
        assertThat(d.links()).isEqualTo(1);
        assertThat(d.pciId()).isEmpty();
    }

    @Test
    void parse_labModuleMissing_yieldsToolErrorAndNoDevice() {
        Evidence ev = parse(SourceKind.SMCR_DEVICE, "smcr/lab-module-missing-device.txt");

        assertThat(ev.facts(SmcrDevice.class)).isEmpty();
        assertThat(ev.warnings()).isEmpty();
        ToolError e = ev.facts(ToolError.class).get(0);
        assertThat(e.kind()).isEqualTo(ToolErrorKind.SMC_MODULE_NOT_LOADED);
        assertThat(e.tool()).isEqualTo("smcr");
    }

    @Test
    void parse_headerlessCollapsedSpacing_fallsBackToWhitespaceSplit() {
        Evidence ev = parseText(SourceKind.SMCR_DEVICE, "ens1f0 mlx5_0 1 ACTIVE 0x1017 No 0 *NET1\n");

        SmcrDevice d = ev.facts(SmcrDevice.class).get(0);
        assertThat(d.netDev()).isEqualTo("ens1f0");
        assertThat(d.type()).isEqualTo("0x1017");
        assertThat(d.pnetUserDefined()).isTrue();
        assertThat(ev.warnings()).isEmpty();
    }

    @Test
    void parse_garbage_warnsWithLineAndKeepsRows() {
        String text = SmcFixtures.text("smcr/device.txt") + "something else entirely\n";
        Evidence ev = parseText(SourceKind.SMCR_DEVICE, text);

        assertThat(ev.facts(SmcrDevice.class)).hasSize(5);
        assertThat(ev.warnings()).singleElement().satisfies(w -> assertThat(w.line()).isEqualTo(7));
    }

    @Test
    void parse_smcdDevice_yieldsIsmDevices() {
        Evidence ev = parse(SourceKind.SMCD_DEVICE, "smcd/device.txt");

        assertThat(ev.warnings()).isEmpty();
        List<SmcdDevice> devs = ev.facts(SmcdDevice.class);
        assertThat(devs).hasSize(3);
        SmcdDevice ism = devs.get(0);
        assertThat(ism.fid()).isEqualTo("1234");
        assertThat(ism.type()).isEqualTo("ISM");
        assertThat(ism.pciId()).isEqualTo("0000:00:00.0");
        assertThat(ism.pchid()).isEqualTo("07c1");
        assertThat(ism.inUse()).isTrue();
        assertThat(ism.linkGroups()).isEqualTo(2);
        assertThat(ism.pnetId()).isEqualTo("NET1");
        assertThat(devs.get(1).pnetUserDefined()).isTrue();
        assertThat(devs.get(1).pnetId()).isEqualTo("NET2");
        assertThat(devs.get(1).inUse()).isFalse();
        SmcdDevice noPci = devs.get(2);
        assertThat(noPci.type()).isEqualTo("0x0");
        assertThat(noPci.pciId()).isEmpty();
        assertThat(noPci.pnetId()).isEmpty();
        assertThat(noPci.linkGroups()).isEqualTo(1);
    }

    @Test
    void parse_smcdModuleMissing_yieldsToolError() {
        Evidence ev = parseText(SourceKind.SMCD_DEVICE, "Error: SMC module not loaded\n");

        assertThat(ev.facts(ToolError.class)).singleElement().satisfies(e -> {
            assertThat(e.tool()).isEqualTo("smcd");
            assertThat(e.kind()).isEqualTo(ToolErrorKind.SMC_MODULE_NOT_LOADED);
        });
    }
}
