#ifndef ECHO_COMPAT_H
#define ECHO_COMPAT_H

#include <netinet/tcp.h>
#include <sys/socket.h>

#ifndef TCP_FASTOPEN_CONNECT
#define TCP_FASTOPEN_CONNECT 30 /* setsockopt(fd, SOL_TCP, TCP_FASTOPEN_CONNECT, ...) */
#endif

static inline int compat_connect_fast(int fd)
{
    int on = 1;
    return setsockopt (fd, SOL_TCP , TCP_FASTOPEN_CONNECT , &on, sizeof on);
}

static inline int compat_nodelay(int fd)
{
    int on = 1;
    return setsockopt(fd, 6, 1, &on, sizeof on);
}

static inline int compat_bind_dev(int fd, const char *dev)
{
    return setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, dev, (socklen_t) strlen(dev));
}

#endif
