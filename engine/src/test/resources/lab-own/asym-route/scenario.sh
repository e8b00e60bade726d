# smc-lab scenario (run --scenario-file): different subnets with asymmetric routing: the server reaches the
# client's subnet through a gateway route, the client reaches the server's subnet with an on-link route (no
# gateway) on the same Ethernet segment. As in routed-subnet, the new subnet's address is made the first IPv4
# RoCEv2 GID on each side.
# What the kernel did: the server finds its route to the client's GID uses a gateway and sends the accept with
#   v2_direct = 0; the client's own route to the server's GID is on-link, so it declines
#   (af_smc.c smc_connect_rdma_v2_prepare: "mismatch: peer claims indirect, but its direct" ->
#   SMC_CLC_DECL_NOINDIRECT): client "TCP 0x030f0000" (smcr -d stats of smc-tools 1.8.5 counts it as
#   "[unknown]"), server "TCP 0x05000000/0x030f0000" (PEERDECL). No smc lines in dmesg. ip-addr.txt of both
#   sides shows the two subnets; the routes themselves are not in the bundle (no ip route capture).
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; server 10.30.0.1/24 (first IPv4 GID) with route 10.20.0.0/24 via 10.10.0.2; client 10.20.0.2/24 (first IPv4 GID) with on-link route 10.30.0.0/24 dev eth0 (no gateway); client connects AF_SMC from 10.20.0.2 to 10.30.0.1"
EXPECT_MODE=TCP
EXPECT_CLIENT_CODES="0x030f0000"
EXPECT_SERVER_CODES="0x05000000 0x030f0000"
gids() { for i in 0 1 2 3 4 5; do echo "gid[$i] $(cat /sys/class/infiniband/rxe0/ports/1/gids/$i 2>/dev/null) $(cat /sys/class/infiniband/rxe0/ports/1/gid_attrs/types/$i 2>/dev/null)"; done; }
on_server_setup() {
    ip addr del $SRV4/24 dev eth0; ip addr add 10.30.0.1/24 dev eth0; ip addr add $SRV4/24 dev eth0
    run ip route add 10.20.0.0/24 via $CLI4 src 10.30.0.1
    run ip addr show eth0; run ip route; gids
}
on_client_setup() {
    ip addr del $CLI4/24 dev eth0; ip addr add 10.20.0.2/24 dev eth0; ip addr add $CLI4/24 dev eth0
    run ip route add 10.30.0.0/24 dev eth0 src 10.20.0.2
    run ip addr show eth0; run ip route; gids
    ADDR=10.30.0.1
}
on_client_during() { run ip route get 10.30.0.1; run ip neigh; }
on_server_during() { run ip route get 10.20.0.2; run ip neigh; }
on_client_undo() {
    run ip route del 10.30.0.0/24
    run ip addr del 10.20.0.2/24 dev eth0
}
on_server_undo() {
    run ip route del 10.20.0.0/24
    run ip addr del 10.30.0.1/24 dev eth0
}
