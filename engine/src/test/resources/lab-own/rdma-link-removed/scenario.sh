# smc-lab scenario (run --scenario-file), from smc-lab's examples/scenarios/rdma-link-removed.sh: the client's RDMA
# device is removed under a live SMC-R connection, as when a RoCE PCI function is hot-unplugged or its driver is
# unloaded (rdma link delete rxe0, in the background, after the echo; both sides captured 3 s later).
# What the kernel did: client dmesg "smc: removing ib device rxe0" then "smc: SMC-R lg 00010000 net 1 link removed:
#   id 00000101, peerid 00000101, ibdev rxe0, ibport 1"; the client's socket is CLOSED with no mode and local
#   port 0; no link group, no RDMA device, empty smcr-device/rdma-link. The server, 3 s later, still shows the
#   connection ACTIVE SMCR (its local port is shown as 0) and its link group (#Conns 1): it has not
#   noticed yet. rdma link delete returned 0 at once.
# EXPECT_MODE stays ANY: the two sides differ (client no mode, server SMCR).
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; the client connects AF_SMC (SMC-R); while the connection is alive the client's soft-RoCE device rxe0 is deleted (rdma link delete, in the background), then both sides are captured"
EXPECT_MODE=ANY          # SMCR | TCP | ANY (ANY: recorded, not judged)

on_client_during() {     # client guest: after the connections echoed, before both snapshots
    # on 6.12 the delete blocks while the link group holds the device: run it in the background
    (run rdma link delete rxe0 > /tmp/rdma-delete.log 2>&1; echo done >> /tmp/rdma-delete.log) &
    sleep 3
}

on_client_undo() {       # client guest: after the snapshots (the application is gone); leave the guest as it was
    i=0; until grep -q done /tmp/rdma-delete.log 2>/dev/null || [ $i -ge 100 ]; do sleep 0.2; i=$((i+1)); done
    log "rdma link delete: $(tr '\n' ' ' < /tmp/rdma-delete.log) after $((i / 5))s"
    run rdma link add rxe0 type rxe netdev eth0
    i=0; until smcr device 2>/dev/null | grep -q rxe0 || [ $i -ge 50 ]; do sleep 0.2; i=$((i+1)); done
}
