# smc-lab scenario (run --scenario-file): the peer's view of an RDMA device removed under a live SMC-R
# connection: as rdma-link-removed (the client's rxe0 is deleted while the connection is alive), but the server
# is captured 20 s later. Its LLC test-link interval is shortened to 5 s (net.smc.smcr_testlink_time, default
# 30) before its listener starts, so that the link group it creates probes the idle link soon.
# What the kernel did: client as in rdma-link-removed ("removing ib device rxe0", "link removed", socket CLOSED,
#   no mode). The server logs only "smc: SMC-R lg 00010000 net 1 link removed: id 00000101, peerid 00000101,
#   ibdev rxe0, ibport 1" about 7 s after the link came up, with no "removing ib device" line: its own rxe0 is
#   healthy (smcr-device ACTIVE, rdma link ACTIVE); the SMC socket and the link group are gone (smcss shows only
#   the LISTEN socket). Cause on the peer: the remote end lost its RDMA device.
# EXPECT_MODE stays ANY: the client shows a socket without mode, the server none.
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; server net.smc.smcr_testlink_time = 5; client connects AF_SMC (SMC-R), then its rxe0 is deleted (rdma link delete) under the live connection; client captured 3 s later, server 20 s later"
EXPECT_MODE=ANY
on_server_setup() { echo 5 > /proc/sys/net/smc/smcr_testlink_time; log "smcr_testlink_time=$(cat /proc/sys/net/smc/smcr_testlink_time)"; }
on_client_during() {
    (run rdma link delete rxe0 > /tmp/rdma-delete.log 2>&1; echo done >> /tmp/rdma-delete.log) &
    sleep 3
}
on_server_during() { sleep 20; }
on_client_undo() {
    i=0; until grep -q done /tmp/rdma-delete.log 2>/dev/null || [ $i -ge 100 ]; do sleep 0.2; i=$((i+1)); done
    log "rdma link delete: $(tr '\n' ' ' < /tmp/rdma-delete.log) after $((i / 5))s"
    run rdma link add rxe0 type rxe netdev eth0
    i=0; until smcr device 2>/dev/null | grep -q rxe0 || [ $i -ge 50 ]; do sleep 0.2; i=$((i+1)); done
}
on_server_undo() { echo 30 > /proc/sys/net/smc/smcr_testlink_time; }
