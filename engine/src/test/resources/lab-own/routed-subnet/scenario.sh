# smc-lab scenario (run --scenario-file): client and server in different IPv4 subnets, reached through a gateway
# route (the peer's address in the shared 10.10.0.0/24 is the next hop, as a router would be): client
# 10.20.0.2/24, server 10.30.0.1/24. SMC-Rv2 uses the first IPv4 RoCEv2 GID of the netdev whose netdev has an
# address in the source address's subnet (smc_ib.c smc_ib_determine_gid_rcu, in GID-table order), not the TCP
# source address itself; so each side removes its 10.10.0.x address and adds it back after the new one, which
# makes the new subnet's address GID index 1 (the log lists the GID table).
# What the kernel did: SMC-R v2 on both sides across the routed subnets; smcr-linkgroup.txt "Direct : No" on
#   both sides, smcss-R GIDs ::ffff:0a14:0002 (10.20.0.2) / ::ffff:0a1e:0001 (10.30.0.1). Without the reordering
#   (first try) the GIDs were the 10.10.0.x addresses and the link group said "Direct : Yes".
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; server 10.30.0.1/24 (first IPv4 GID) with route 10.20.0.0/24 via 10.10.0.2; client 10.20.0.2/24 (first IPv4 GID) with route 10.30.0.0/24 via 10.10.0.1; client connects AF_SMC from 10.20.0.2 to 10.30.0.1"
EXPECT_MODE=SMCR
gids() { for i in 0 1 2 3 4 5; do echo "gid[$i] $(cat /sys/class/infiniband/rxe0/ports/1/gids/$i 2>/dev/null) $(cat /sys/class/infiniband/rxe0/ports/1/gid_attrs/types/$i 2>/dev/null)"; done; }
on_server_setup() {
    ip addr del $SRV4/24 dev eth0; ip addr add 10.30.0.1/24 dev eth0; ip addr add $SRV4/24 dev eth0
    run ip route add 10.20.0.0/24 via $CLI4 src 10.30.0.1
    run ip addr show eth0; run ip route; gids
}
on_client_setup() {
    ip addr del $CLI4/24 dev eth0; ip addr add 10.20.0.2/24 dev eth0; ip addr add $CLI4/24 dev eth0
    run ip route add 10.30.0.0/24 via $SRV4 src 10.20.0.2
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
