# smc-lab scenario (run --scenario-file): the two hosts' Ethernet MTUs differ: server eth0 9000 (jumbo), client
# eth0 1500 (rxe0's active MTU follows the netdev MTU).
# What the kernel did: SMC-R v2 on both sides, the echo passes; no smc or rxe error in dmesg. An MTU difference
#   between the hosts is not by itself a cause of fallback or failure on 6.12 (a negative control: ip-addr.txt
#   shows mtu 9000 vs 1500 while SMC-R works).
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; server eth0 MTU 9000 (rxe0 active_mtu follows), client eth0 MTU 1500; client connects AF_SMC over IPv4 and echoes a short message"
EXPECT_MODE=SMCR
on_server_setup() {
    run ip link set eth0 mtu 9000
    run rdma link show
    sleep 1
}
on_server_during() { run ip link show eth0; }
on_server_undo() { run ip link set eth0 mtu 1500; }
