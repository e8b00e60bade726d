# smc-lab scenario (run --scenario-file): both peers have a UEID, but different ones.
# Setup: server UEID SMC-LAB-UEID-1 (the lab default); client smcr ueid flush + add SMC-LAB-UEID-2.
# What the kernel did: the client proposes SMC-Rv2 with its UEID; the server finds no common EID
#   (af_smc.c smc_find_rdma_v2_device_serv: smc_clc_match_eid fails -> not_found), has no SMC-Rv1 option
#   (rxe has RoCEv2 GIDs only) and declines with NOSMCDEV: server "TCP 0x03030000" (stats Server NOSMCDEV),
#   client "TCP 0x05000000/0x03030000" (stats Client PEERDECL). The kernel does NOT send 0x03030008 (NOUEID)
#   for a UEID mismatch. No smc lines in dmesg beyond device registration.
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="server UEID SMC-LAB-UEID-1, client UEID SMC-LAB-UEID-2 (smcr ueid flush + add); client connects AF_SMC (SMCPROTO_SMC) over IPv4"
EXPECT_MODE=TCP
EXPECT_CLIENT_CODES="0x05000000 0x03030000"
EXPECT_SERVER_CODES="0x03030000"
on_client_setup() {
    run smcr ueid flush
    run smcr ueid add SMC-LAB-UEID-2
    run smcr ueid show
}
on_client_undo() {
    run smcr ueid flush
    run smcr ueid add "$UEID"
}
