//! Echo server on socket2.
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io;
use std::net::SocketAddr;
use std::os::fd::AsRawFd;
use std::time::Duration;

/* Note: /* nested */ libc::setsockopt(fd, libc::IPPROTO_TCP, libc::TCP_FASTOPEN, ...) stays off. */
const HELP: &str = r#"call socket.set_keepalive(true) and setsockopt(fd, SOL_TCP, TCP_FASTOPEN)"#;

struct Conn<'a> {
    name: &'a str,
    quote: char,
}

fn listener(addr: SocketAddr) -> io::Result<Socket> {
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, Some(Protocol::TCP))?;
    socket.set_reuse_address(true)?;
    socket.set_reuse_port(true)?;
    socket.set_nodelay(true)?;
    socket.set_keepalive(true)?;
    socket.set_tcp_user_timeout(Some(Duration::from_secs(30)))?;
    let qlen: libc::c_int = 16;
    let rc = unsafe {
        libc::setsockopt(
            socket.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_FASTOPEN,
            &qlen as *const _ as *const libc::c_void,
            std::mem::size_of_val(&qlen) as libc::socklen_t,
        )
    };
    if rc != 0 {
        return Err(io::Error::last_os_error());
    }
    socket.bind_device(Some(b"eth1"))?;
    socket.bind(&SockAddr::from(addr))?;
    socket.listen(1024)?;
    Ok(socket)
}

fn main() -> io::Result<()> {
    let c = Conn { name: "echo", quote: '"' };
    let s = listener("[::]:7007".parse().unwrap())?;
    println!("{} {} {:?}", c.name, c.quote, s.local_addr()?);
    Ok(())
}
