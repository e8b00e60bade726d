# smc-lab scenario (run --scenario-file): an AF_SMC socket with SMCPROTO_SMC6 (what a dual-stack application,
# e.g. a JVM under smc_run, opens) connects to the IPv4-mapped address of an IPv4 AF_SMC listener.
# What the kernel did: client "TCP 0x03030000" with ::ffff: addresses in smcss, server (IPv4 listener, IPv4 row)
#   "TCP 0x05000000/0x03030000". On 6.12 the client offers SMC-Rv2 only for an AF_INET clcsock
#   (af_smc.c smc_find_proposal_devices: sk_family != AF_INET clears SMC_V2); v4-mapped AF_INET6 clients are
#   accepted from the net-next patch "net/smc: support ipv4 mapped ipv6 addr client for smc-r v2" (Dec 2024).
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; server AF_SMC IPv4 listener; client socket(AF_SMC, SOCK_STREAM, SMCPROTO_SMC6) connects to ::ffff:10.10.0.1"
EXPECT_MODE=TCP
EXPECT_CLIENT_CODES="0x03030000"
EXPECT_SERVER_CODES="0x05000000 0x03030000"
CLIENT_OPTS=-6
on_client_setup() { ADDR=::ffff:$SRV4; }
