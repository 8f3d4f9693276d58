//! The client's address behind proxies: which `X-Forwarded-For` entry to believe.
//!
//! Each proxy appends the address it received the request from, so only the right end of the
//! header is written by proxies we run; everything to the left of it is whatever the client
//! sent. The client is the right-most address that is not one of our own hops: the socket
//! peer and the next `hops - 1` entries from the right are proxies, and so is any address in
//! the trusted networks. Never the left-most entry, which anyone can forge.

use std::net::IpAddr;

use ipnet::IpNet;

/// Which proxies in front of the server are ours.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProxyTrust {
    /// How many proxies stand in front of the server (CloudFront then the load balancer: 2).
    /// 0: `X-Forwarded-For` is ignored and the socket peer is the client.
    pub hops: usize,
    /// Networks whose addresses are always proxies of ours (e.g. the load balancer's subnets).
    pub networks: Vec<IpNet>,
}

impl ProxyTrust {
    /// Reads `TRUSTED_PROXY_HOPS`-style settings: a hop count and a comma-separated list of
    /// CIDR networks (either may be empty). The error names the bad entry.
    pub fn parse(hops: usize, networks: &str) -> Result<Self, String> {
        let networks = networks
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|n| {
                n.parse::<IpNet>()
                    .or_else(|_| n.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| format!("{n:?} is not an IP network such as 10.0.0.0/16"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { hops, networks })
    }

    /// Whether any proxy is trusted at all.
    pub fn enabled(&self) -> bool {
        self.hops > 0 || !self.networks.is_empty()
    }

    fn is_ours(&self, address: &IpAddr) -> bool {
        self.networks.iter().any(|n| n.contains(address))
    }
}

/// The client's address for a request from socket `peer` carrying `forwarded_for` (the
/// `X-Forwarded-For` values, joined by commas).
pub fn client_address(peer: IpAddr, forwarded_for: Option<&str>, trust: &ProxyTrust) -> IpAddr {
    if !trust.enabled() {
        return peer;
    }
    let mut chain: Vec<&str> = forwarded_for
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .collect();
    chain.retain(|entry| !entry.is_empty());
    // Right to left: the peer first, then what each of our proxies appended.
    // `client` is the hop-th address from the right (the peer is the first).
    let mut client = peer;
    for (hop, entry) in (1..).zip(chain.iter().rev()) {
        if hop > trust.hops && !trust.is_ours(&client) {
            break;
        }
        let Ok(address) = entry.parse::<IpAddr>() else {
            // Not an address: nothing to its left can be believed either.
            break;
        };
        client = address;
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    fn hops(n: usize) -> ProxyTrust {
        ProxyTrust::parse(n, "").expect("trust")
    }

    const ALB: &str = "10.0.1.5";

    #[test]
    fn without_trusted_proxies_the_header_is_ignored() {
        assert_eq!(
            client_address(ip("203.0.113.9"), Some("1.2.3.4"), &hops(0)),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn behind_cloudfront_and_the_load_balancer_the_viewer_is_found() {
        // CloudFront appends the viewer; the load balancer appends the CloudFront edge.
        let header = "198.51.100.7, 130.176.1.1";
        assert_eq!(
            client_address(ip(ALB), Some(header), &hops(2)),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn a_forged_left_part_of_the_chain_is_never_believed() {
        for forged in ["1.2.3.4", "1.2.3.4, 5.6.7.8", "127.0.0.1, 10.0.0.1, ::1"] {
            let header = format!("{forged}, 198.51.100.7, 130.176.1.1");
            assert_eq!(
                client_address(ip(ALB), Some(&header), &hops(2)),
                ip("198.51.100.7"),
                "forged {forged:?}"
            );
        }
        // One proxy (the load balancer only): its one entry is the client, whatever precedes it.
        assert_eq!(
            client_address(ip(ALB), Some("1.2.3.4, 198.51.100.7"), &hops(1)),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn garbage_entries_stop_the_walk_at_the_last_proxy_address() {
        assert_eq!(
            client_address(ip(ALB), Some("198.51.100.7, not-an-ip"), &hops(3)),
            ip(ALB),
            "the load balancer's entry is garbage: use what we know"
        );
        assert_eq!(
            client_address(ip(ALB), Some("not-an-ip, 198.51.100.7"), &hops(2)),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn fewer_entries_than_hops_give_the_leftmost_proxy_written_entry() {
        assert_eq!(
            client_address(ip(ALB), Some("198.51.100.7"), &hops(3)),
            ip("198.51.100.7")
        );
        assert_eq!(client_address(ip(ALB), None, &hops(2)), ip(ALB));
    }

    #[test]
    fn trusted_networks_are_skipped_from_the_right() {
        let trust = ProxyTrust::parse(0, "10.0.0.0/16, 130.176.0.0/16").expect("trust");
        assert_eq!(
            client_address(ip(ALB), Some("1.2.3.4, 198.51.100.7, 130.176.1.1"), &trust),
            ip("198.51.100.7")
        );
        // A peer outside the trusted networks is itself the client.
        assert_eq!(
            client_address(ip("203.0.113.9"), Some("1.2.3.4"), &trust),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn bad_networks_are_named() {
        let error = ProxyTrust::parse(1, "10.0.0.0/16, nonsense").expect_err("refused");
        assert!(error.contains("nonsense"), "{error}");
    }
}
