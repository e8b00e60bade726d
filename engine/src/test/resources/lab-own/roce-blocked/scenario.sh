# smc-lab scenario (run --scenario-file): RoCEv2 traffic to the client is dropped while TCP passes (as with a
# firewall or security group that lets TCP through but drops UDP 4791). A policy-routing rule on the client
# blackholes every received UDP packet for port 4791 (the input route lookup dissects protocol and ports once
# such a rule exists; the "lookup local" rule is moved behind it, else local delivery matches first). TCP (the
# lab's control channel, the CLC handshake) is unaffected. (An output rule "ipproto 17 prohibit" did not stop
# rxe's packets: rxe's route lookup is not matched by it.)
# What the kernel did: the CLC handshake completes over TCP, the server's first LLC CONFIRM LINK over RoCE never
#   arrives, the server times out and declines: server "TCP 0x02010000" (stats Server TIMEOUT_CL), client
#   "TCP 0x05000000/0x02010000" (PEERDECL). connect() took about 5.5 s instead of 0.3 s. No link group and no
#   smc line in dmesg on either side (the link never became active).
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; client ip rule pref 100 iif eth0 ipproto 17 dport 4791 blackhole, before lookup local (incoming RoCEv2 dropped, TCP passes); client connects AF_SMC over IPv4"
EXPECT_MODE=TCP
EXPECT_CLIENT_CODES="0x05000000 0x02010000"
EXPECT_SERVER_CODES="0x02010000"
on_client_setup() {
    run ip rule add pref 100 iif eth0 ipproto 17 dport 4791 blackhole
    run ip rule add pref 200 lookup local
    run ip rule del pref 0
    run ip rule
}
on_client_during() { sleep 5; }
on_client_undo() {
    run ip rule add pref 0 lookup local
    run ip rule del pref 200
    run ip rule del pref 100
}
