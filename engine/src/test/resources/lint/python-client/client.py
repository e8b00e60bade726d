"""Tiny request/response client.

Fast open used to be enabled with
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_FASTOPEN, 5)
but that breaks SMC.
"""
import socket

TFO = 'sock.setsockopt(socket.SOL_TCP, socket.TCP_FASTOPEN_CONNECT, 1)'


def connect(host, port, payload=b"ping"):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 30)  # socket.TCP_FASTOPEN would fall back
    sock.setsockopt(socket.SOL_TCP, 23, 5)
    sock.sendto(payload, socket.MSG_FASTOPEN, (host, port))
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    qlen = sock.getsockopt(
        socket.IPPROTO_TCP,
        socket.TCP_FASTOPEN)
    return sock, err, qlen
