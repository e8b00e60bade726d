# smc-lab scenario (run --scenario-file): same UEID on both peers; each peer maps eth0 and rxe0 port 1 to a
# PNET ID, but the two PNET IDs differ (server PNETSRV, client PNETCLI).
# What the kernel did: SMC-R v2 on both sides (SMCR, link group Version 2, PNET-ID PNETCLI on the client and
#   PNETSRV on the server, EID SMC-LAB-UEID-1). PNET IDs are local groupings of netdev and RDMA device; SMC-Rv2
#   does not compare them between the hosts. dmesg: "smc: net device eth0 applied user defined pnetid ...",
#   "smc: ib device rxe0 ibport 1 applied user defined pnetid ...", "state changed: SINGLE, pnetid PNETCLI".
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; server smc_pnet PNETSRV on eth0 + rxe0/1, client smc_pnet PNETCLI on eth0 + rxe0/1 (different PNET IDs); client connects AF_SMC over IPv4"
EXPECT_MODE=SMCR
on_server_setup() {
    run smc_pnet -a PNETSRV -I eth0 -D rxe0 -P 1
    run smc_pnet
}
on_client_setup() {
    run smc_pnet -a PNETCLI -I eth0 -D rxe0 -P 1
    run smc_pnet
}
on_client_undo() { run smc_pnet -f; }
on_server_undo() { run smc_pnet -f; }
