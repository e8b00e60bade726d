# smc-lab scenario (run --scenario-file): the reverse of the built-in no-ueid: the client has the UEID, the
# server has none (smcr ueid flush on the server before its listener starts).
# What the kernel did: the client proposes SMC-Rv2; the server has no UEID to match (smc_clc_match_eid with an
#   empty local UEID table fails), no SMC-Rv1 option on rxe, and declines with NOSMCDEV: server "TCP 0x03030000",
#   client "TCP 0x05000000/0x03030000" (PEERDECL). Same codes as ueid-mismatch: only smcr-ueid.txt of the two
#   hosts tells the cases apart; the client's own configuration is correct.
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="client UEID SMC-LAB-UEID-1, server has no UEID (smcr ueid flush on the server before its listener starts); client connects AF_SMC over IPv4"
EXPECT_MODE=TCP
EXPECT_CLIENT_CODES="0x05000000 0x03030000"
EXPECT_SERVER_CODES="0x03030000"
on_server_setup() {
    run smcr ueid flush
    run smcr ueid show
}
on_server_undo() {
    run smcr ueid add "$UEID"
}
