//! A TCP proxy on 127.0.0.1 in front of the emulator that counts the HTTP
//! requests passing through: a counting layer below the SDK, its HTTP
//! client and connection pool included.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Every HTTP/1.1 request line ends so.
const REQUEST_LINE_END: &[u8] = b" HTTP/1.1\r\n";

pub struct Proxy {
    pub url: String,
    requests: Arc<AtomicUsize>,
}

impl Proxy {
    /// Forwards 127.0.0.1:<free port> to `upstream` (`http://host:port`).
    pub fn start(upstream: &str) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the proxy");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let target = upstream.trim_start_matches("http://").to_string();
        let requests = Arc::new(AtomicUsize::new(0));
        let count = requests.clone();
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                let Ok(server) = TcpStream::connect(&target) else {
                    continue;
                };
                let (c2, s2) = match (client.try_clone(), server.try_clone()) {
                    (Ok(c), Ok(s)) => (c, s),
                    _ => continue,
                };
                let count = count.clone();
                std::thread::spawn(move || pipe(client, server, Some(count)));
                std::thread::spawn(move || pipe(s2, c2, None));
            }
        });
        Proxy { url, requests }
    }

    /// Requests seen so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// Copies `from` to `to`, counting request lines when asked.
fn pipe(mut from: TcpStream, mut to: TcpStream, count: Option<Arc<AtomicUsize>>) {
    let mut buf = [0u8; 16 * 1024];
    // The end of the previous chunk, so a request line split across two
    // reads is still seen once.
    let mut carry: Vec<u8> = Vec::new();
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if let Some(c) = &count {
            carry.extend_from_slice(&buf[..n]);
            let found = carry
                .windows(REQUEST_LINE_END.len())
                .filter(|w| *w == REQUEST_LINE_END)
                .count();
            c.fetch_add(found, Ordering::SeqCst);
            let keep = REQUEST_LINE_END.len() - 1;
            let cut = carry.len().saturating_sub(keep);
            carry.drain(..cut);
        }
        if to.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Write);
}
