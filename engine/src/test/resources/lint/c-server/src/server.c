/*
 * echo-server: a small epoll TCP server.
 *
 * Old versions enabled fast open unconditionally:
 *     setsockopt(fd, SOL_TCP, TCP_FASTOPEN, &qlen, sizeof(qlen));
 * which made every SMC connection fall back to TCP.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "compat.h"

static int listen_socket(unsigned short port, int fastopen_qlen)
{
    int one = 1;
    int fd = socket(AF_INET6, SOCK_STREAM, 0);
    if (fd < 0) {
        perror("socket");
        return -1;
    }
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
    if (fastopen_qlen > 0 &&
        setsockopt(fd, SOL_TCP, TCP_FASTOPEN, &fastopen_qlen,
                   sizeof(fastopen_qlen)) < 0) {
        fprintf(stderr, "setsockopt(TCP_FASTOPEN): %s\n", strerror(errno));
    }
    if (setsockopt(fd,
                   SOL_SOCKET,
                   SO_KEEPALIVE,
                   &one, sizeof(one)) < 0) {
        perror("setsockopt(SO_KEEPALIVE)");
    }
    /* keepalive tuning */ setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &one, sizeof one);
    return fd;
}

static void report(int fd)
{
    int err = 0;
    socklen_t len = sizeof(err);
    struct tcp_info info;
    socklen_t ilen = sizeof(info);
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
    getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &ilen);
    printf("error=%d rtt=%u setsockopt(fd, SOL_TCP, TCP_FASTOPEN_CONNECT)\n", err, info.tcpi_rtt);
}

static ssize_t early_reply(int fd, const void *buf, size_t n, const struct sockaddr *to, socklen_t tolen)
{
#ifdef MSG_FASTOPEN
    return sendto(fd, buf, n, MSG_FASTOPEN | MSG_NOSIGNAL, to, tolen);
#else
    return sendto(fd, buf, n, MSG_NOSIGNAL, to, tolen);
#endif
}

int main(void)
{
    int fd = listen_socket(7, 16);
    report(fd);
    early_reply(fd, "hi", 2, NULL, 0);
    return compat_connect_fast(fd) == 0 ? 0 : 1;
}
