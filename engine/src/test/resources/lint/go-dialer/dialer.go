// Package dialer opens TCP connections with fast open where the kernel allows it.
package dialer

import (
	"context"
	"net"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

const usage = `setsockopt(fd, SOL_TCP, TCP_FASTOPEN_CONNECT, 1) is done in control()`

// control runs on the raw socket before connect.
// unix.SetsockoptInt(fd, unix.IPPROTO_TCP, unix.TCP_FASTOPEN, 5) is not needed on the client side.
func control(network, address string, c syscall.RawConn) error {
	var serr error
	err := c.Control(func(fd uintptr) {
		serr = unix.SetsockoptInt(int(fd), unix.IPPROTO_TCP, unix.TCP_FASTOPEN_CONNECT, 1)
		if serr == nil {
			serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_REUSEPORT, 1)
		}
		if serr == nil {
			serr = unix.SetsockoptInt(int(fd), unix.IPPROTO_TCP,
				unix.TCP_USER_TIMEOUT, 30000)
		}
	})
	if err != nil {
		return err
	}
	return serr
}

// Dial connects to address.
func Dial(ctx context.Context, address string) (net.Conn, error) {
	d := net.Dialer{Timeout: 5 * time.Second, Control: control}
	conn, err := d.DialContext(ctx, "tcp", address)
	if err != nil {
		return nil, err
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetNoDelay(true)
		_ = tcp.SetKeepAlive(true)
	}
	v, _ := unix.GetsockoptInt(0, unix.IPPROTO_TCP, unix.TCP_FASTOPEN_CONNECT)
	_ = v
	_ = usage
	return conn, nil
}
