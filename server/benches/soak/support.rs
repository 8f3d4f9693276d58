//! The soak bench's process and service handling: starting the server, reading its memory,
//! and restarting a backing service while watching readiness.

use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use super::Options;

/// Resident memory of process `pid` in KiB.
pub fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Prints the server's memory once a minute, to tell growth that levels off from a leak.
pub fn print_rss_every_minute(pid: u32) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut minute = 0;
        loop {
            tokio::time::sleep(Duration::from_secs(60)).await;
            minute += 1;
            println!("minute {minute}: server RSS {} KiB", rss_kib(pid));
        }
    })
}

/// Starts the server binary of `o` on its port, logging to `dir/server.log`.
pub fn start_server(o: &Options, dir: &std::path::Path, database: &str) -> Child {
    let log = std::fs::File::create(dir.join("server.log")).expect("log file");
    let mut command = Command::new(&o.server);
    command
        .arg("serve")
        .env("DATABASE_URL", database)
        .env("LECTERN_DEMO", "true")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", o.port))
        .env("PUBLIC_URL", format!("http://127.0.0.1:{}", o.port))
        .env("MEDIA_DIR", dir.join("media"))
        .env("OUTBOX_DIR", dir.join("outbox"))
        .env("LOG_FORMAT", "json")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::from(log.try_clone().expect("log")))
        .stderr(Stdio::from(log));
    if let Some(redis) = &o.redis {
        command.env("REDIS_URL", redis).env(
            "REDIS_KEY_PREFIX",
            format!("lectern-soak:{}:", std::process::id()),
        );
    }
    command
        .spawn()
        .expect("start the server (is --server a built `server` binary?)")
}

/// Restarts a local service with `script` while watching `/readyz`; returns whether readiness
/// reported the outage.
pub async fn outage(name: &str, script: &str, base: &str, in_fault: &AtomicBool) -> bool {
    in_fault.store(true, Ordering::Relaxed);
    let client = reqwest::Client::new();
    let restart = tokio::task::spawn_blocking({
        let script = script.to_owned();
        move || Command::new("bash").arg("-c").arg(script).status()
    });
    let mut seen_down = false;
    while !restart.is_finished() {
        if let Ok(r) = client.get(format!("{base}/readyz")).send().await {
            seen_down |= r.status().as_u16() == 503;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let status = restart.await.expect("join").expect("restart");
    println!("{name} restarted ({status}); /readyz reported the outage: {seen_down}");
    // Recovered without restarting Lectern: ready again within 30 s.
    for _ in 0..300 {
        if client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    in_fault.store(false, Ordering::Relaxed);
    seen_down
}
