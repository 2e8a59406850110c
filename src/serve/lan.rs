//! The machine's address on the room's network, to show in the links: the one the system
//! would send from to reach beyond this machine. Nothing is sent to find it.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};

/// Where the server listens unless told: this port, on the LAN address.
pub const DEFAULT_PORT: u16 = 8377;

/// The machine's LAN address, if it has one. "Connecting" a UDP socket sends no packet; it
/// only asks the system which of its addresses would be used.
pub fn address() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    // A documentation address (TEST-NET-1): routed like any outside address, never reached.
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

/// The address to put in links for a server bound to `bound`: a server listening on every
/// interface is shown at the LAN address.
pub fn shown(bound: SocketAddr) -> SocketAddr {
    if bound.ip().is_unspecified()
        && let Some(ip) = address()
    {
        return SocketAddr::new(ip, bound.port());
    }
    bound
}

/// Where to listen when no address was given: the LAN address (only the room's network, not
/// every interface), or this machine alone if there is no network.
pub fn default_bind() -> SocketAddr {
    SocketAddr::new(
        address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        DEFAULT_PORT,
    )
}
