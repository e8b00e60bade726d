# smc-lab scenario (run --scenario-file): smc and smc_diag are loaded on the client, but its RDMA driver is not:
# rxe0 is deleted and rdma_rxe unloaded before the connection (as on a host whose RNIC driver, e.g. erdma or
# mlx5_ib, is not loaded).
# What the kernel did: client "TCP 0x03030000" (NOSMCDEV), server "TCP 0x05000000/0x03030000". smcr-device.txt,
#   rdma-dev.txt and rdma-link.txt are empty; lsmod has smc, smc_diag, ib_core but no RDMA driver; dmesg
#   "smc: removing ib device rxe0", "rdma_rxe: unloaded".
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; on the client rdma link delete rxe0 and rmmod rdma_rxe before connecting (smc and smc_diag stay loaded); client connects AF_SMC over IPv4"
EXPECT_MODE=TCP
EXPECT_CLIENT_CODES="0x03030000"
EXPECT_SERVER_CODES="0x05000000 0x03030000"
on_client_setup() {
    run rdma link delete rxe0
    run rmmod rdma_rxe
    run smcr device
}
on_client_undo() {
    run modprobe rdma_rxe
    run rdma link add rxe0 type rxe netdev eth0
    i=0; until smcr device 2>/dev/null | grep -q rxe0 || [ $i -ge 50 ]; do sleep 0.2; i=$((i+1)); done
}
