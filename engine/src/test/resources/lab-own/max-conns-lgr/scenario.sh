# smc-lab scenario (run --scenario-file): the client limits the connections per SMC-R link group to the minimum
# (net.smc.smcr_max_conns_per_lgr = 16, range 16..255; the server keeps 255) and opens 20 parallel connections.
# What the kernel did: all 20 connections SMC-R v2; two link groups on both sides (#Conns 16 and 4,
#   dmesg "lg 00010000 ... link added" and "lg 00020000 ... link added"): the client's limit is honoured by
#   both peers (SMC v2.1 negotiates it in the CLC handshake). Not a fault; a negative control for rules
#   reading several link groups as a problem.
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; client net.smc.smcr_max_conns_per_lgr = 16 (server keeps 255); client opens 20 parallel AF_SMC connections over IPv4"
EXPECT_MODE=SMCR
CONNS=20
on_client_setup() {
    echo 16 > /proc/sys/net/smc/smcr_max_conns_per_lgr; log "smcr_max_conns_per_lgr=$(cat /proc/sys/net/smc/smcr_max_conns_per_lgr)"
}
on_client_undo() { echo 255 > /proc/sys/net/smc/smcr_max_conns_per_lgr; }
