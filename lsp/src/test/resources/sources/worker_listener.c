/* Each worker process opens its own listener on the shared port (the "listen ... reuseport" pattern). */
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

int open_worker_listener(const struct sockaddr_in *addr)
{
    int reuseport = 1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (fd < 0)
        return -1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &reuseport, sizeof(reuseport));
    if (bind(fd, (const struct sockaddr *)addr, sizeof(*addr)) < 0 || listen(fd, 511) < 0) {
        close(fd);
        return -1;
    }
    return fd;
}
