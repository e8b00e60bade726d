# smc-lab scenario (run --scenario-file): a PNET ID on the client's Ethernet interface only; the RDMA device
# port was not given the same PNET ID (smc_pnet -a PNETA -I eth0, without -D rxe0).
# What the kernel did: the client finds no RDMA device for eth0 (a netdev with a PNET ID is only paired with an
#   RDMA port of the same PNET ID, smc_pnet.c smc_pnet_find_roce_by_pnetid) and proposes no SMC: client
#   "TCP 0x03030000" (NOSMCDEV), server "TCP 0x05000000/0x03030000". smc-pnet.txt: "PNETA eth0 n/a 255";
#   smcr-device.txt shows rxe0 on eth0 with an empty PNET-ID, Crit No, #Links 0. dmesg: "smc: net device eth0
#   applied user defined pnetid PNETA".
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; client smc_pnet -a PNETA -I eth0 only (rxe0 has no PNET ID); server has no PNET table; client connects AF_SMC over IPv4"
EXPECT_MODE=TCP
EXPECT_CLIENT_CODES="0x03030000"
EXPECT_SERVER_CODES="0x05000000 0x03030000"
on_client_setup() {
    run smc_pnet -a PNETA -I eth0
    run smc_pnet
}
on_client_undo() { run smc_pnet -f; }
