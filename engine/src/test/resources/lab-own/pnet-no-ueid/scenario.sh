# smc-lab scenario (run --scenario-file): the same PNET ID (PNETLAB on eth0 + rxe0/1) on both peers but no UEID
# on either: does a PNET ID replace the UEID for SMC-Rv2?
# What the kernel did: no. The client disables v2 without a UEID (af_smc.c smc_find_proposal_devices:
#   !smc_clc_ueid_count()), SMC-Rv1 needs a RoCEv1 GID that rxe does not have, so the client proposes nothing:
#   client "TCP 0x03030000" (NOSMCDEV), server "TCP 0x05000000/0x03030000". smcr-ueid.txt is empty on both
#   sides; smc-pnet.txt shows PNETLAB on both.
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="PNET ID PNETLAB on eth0 + rxe0/1 on both peers, no UEID on either peer (smcr ueid flush on both); client connects AF_SMC over IPv4"
EXPECT_MODE=TCP
EXPECT_CLIENT_CODES="0x03030000"
EXPECT_SERVER_CODES="0x05000000 0x03030000"
on_server_setup() {
    run smcr ueid flush
    run smc_pnet -a PNETLAB -I eth0 -D rxe0 -P 1
    run smc_pnet
}
on_client_setup() {
    run smcr ueid flush
    run smc_pnet -a PNETLAB -I eth0 -D rxe0 -P 1
    run smc_pnet
}
on_client_undo() { run smc_pnet -f; run smcr ueid add "$UEID"; }
on_server_undo() { run smc_pnet -f; run smcr ueid add "$UEID"; }
