# smc-lab scenario (run --scenario-file): the server listens with a dual-stack AF_SMC/SMCPROTO_SMC6 socket on
# [::] (what a Java or Go server under smc_run opens); the client is a native IPv4 AF_SMC socket.
# What the kernel did: SMC-R v2 on both sides. The server's rows show ::ffff:10.10.0.1 / ::ffff:10.10.0.2 with
#   mode SMCR (smcss-R: GIDs ::ffff:0a0a:0001 / ::ffff:0a0a:0002). The AF_INET6 restriction of 6.12 applies to
#   the client side only; a dual-stack listener is not a cause of fallback.
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; server socket(AF_SMC, SMCPROTO_SMC6) listening on [::] (dual-stack); client socket(AF_SMC, SMCPROTO_SMC) connects to 10.10.0.1"
EXPECT_MODE=SMCR
SERVER_OPTS=-6
