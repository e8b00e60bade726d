# smc-lab scenario (run --scenario-file): the client has smc but no smc_diag (unloaded, and smc_diag.ko moved
# away so that sock_diag cannot autoload it), as on a kernel package or a module blacklist without smc_diag.
# What the kernel did: the connection is SMC-R (server SMCR; client link group #Conns 1, stats 1 SMC connection),
#   but on the client smcss (smcss.txt, smcss-R.txt, smcss-d.txt) prints "RTNETLINK answers: Resource temporarily
#   unavailable" and an empty table: the sock_diag request for AF_SMC fails without smc_diag. The errno text is
#   smc-tools' (1.8.5 libnetlink.c prints perror() after an NLMSG_ERROR, i.e. a stale errno), not the kernel's
#   error. lsmod shows smc without smc_diag. smcr (generic netlink of the smc module) works.
# EXPECT_MODE stays ANY: the client's smcss cannot list the socket (no mode), the server shows SMCR.
# Kernel: 6.12.117+deb12-amd64 (Debian linux-image-6.12.117+deb12-amd64), soft-RoCE rdma_rxe, smc-tools 1.8.5, smc-lab.
DESCRIPTION="UEID on both peers; on the client smc_diag is unloaded and smc_diag.ko moved away before the connection; client connects AF_SMC over IPv4"
EXPECT_MODE=ANY
on_client_setup() {
    ko=$(find /lib/modules -name 'smc_diag.ko*' | head -1)
    echo "$ko" > /tmp/smc-diag-ko
    run mv "$ko" /tmp/
    run rmmod smc_diag
    run lsmod
}
on_client_undo() {
    ko=$(cat /tmp/smc-diag-ko)
    run mv "/tmp/${ko##*/}" "$ko"
    run modprobe smc_diag
}
