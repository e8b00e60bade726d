package io.smcdoctor.adapters.host;

import io.smcdoctor.evidence.internal.NativeLibc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A scripted kernel for {@link SocketProbe} tests: records every call, never touches real sockets. */
class FakeLibc implements NativeLibc {
    int socketErrno;
    int smc6Errno;
    int connectErrno;
    /** Options an AF_SMC socket refuses with EOPNOTSUPP. */
    final Set<Integer> rejectedOptions = new HashSet<>();
    /** Options a plain TCP socket refuses, with the errno. */
    final Map<Integer, Integer> tcpRejected = new HashMap<>();
    private final Map<Integer, Integer> domainOf = new HashMap<>();
    final Set<Integer> open = new HashSet<>();
    final List<String> calls = new ArrayList<>();
    private final Map<Integer, Integer> protocolOf = new HashMap<>();
    private final Map<String, Integer> values = new HashMap<>();
    private int next = 10;

    @Override
    public int socket(int domain, int type, int protocol) {
        calls.add("socket(" + domain + "," + type + "," + protocol + ")");
        if (socketErrno != 0) {
            return -socketErrno;
        }
        if (protocol == 1 && smc6Errno != 0) {
            return -smc6Errno;
        }
        int fd = next++;
        open.add(fd);
        protocolOf.put(fd, protocol);
        domainOf.put(fd, domain);
        return fd;
    }

    @Override
    public int setsockoptInt(int fd, int level, int name, int value) {
        calls.add("setsockopt(" + level + "," + name + "," + value + ")");
        if (domainOf.getOrDefault(fd, 43) != 43) {
            if (tcpRejected.containsKey(name)) {
                return -tcpRejected.get(name);
            }
        } else if (rejectedOptions.contains(name)) {
            return -95;
        }
        values.put(fd + "/" + level + "/" + name, value);
        return 0;
    }

    @Override
    public int setsockoptTimeval(int fd, int level, int name, long seconds, long micros) {
        calls.add("timeval(" + level + "," + name + "," + seconds + "," + micros + ")");
        return 0;
    }

    @Override
    public IntResult getsockoptInt(int fd, int level, int name) {
        if (level == 1 && name == 39) {
            return new IntResult(43, 0);
        }
        if (level == 1 && name == 38) {
            return new IntResult(protocolOf.getOrDefault(fd, 0), 0);
        }
        Integer v = values.get(fd + "/" + level + "/" + name);
        return v == null ? new IntResult(0, 92) : new IntResult(v, 0);
    }

    @Override
    public int connect(int fd, byte[] sockaddr) {
        calls.add("connect(" + sockaddr.length + ")");
        return connectErrno == 0 ? 0 : -connectErrno;
    }

    @Override
    public int close(int fd) {
        open.remove(fd);
        return 0;
    }
}
