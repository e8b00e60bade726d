/* generated: must be skipped by the directory walk */
#include <sys/socket.h>
void gen(int fd) { int q = 5; setsockopt(fd, SOL_TCP, TCP_FASTOPEN, &q, sizeof q); }
