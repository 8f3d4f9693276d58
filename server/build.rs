//! Records the git commit and build time for the `/info` endpoint, and embeds the demo
//! catalogue under `seed/` so the binary can seed a database on its own.
use std::{fmt::Write as _, path::Path, process::Command};

fn main() {
    embed_seed();
    let commit = std::env::var("LECTERN_GIT_COMMIT")
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| {
            Command::new("git")
                .args(["rev-parse", "--short=12", "HEAD"])
                .output()
                .ok()
                .filter(|o| o.status.success())
                .and_then(|o| String::from_utf8(o.stdout).ok())
                .map(|s| s.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned());
    let built = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%dT%H:%M:%SZ"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=LECTERN_GIT_COMMIT={commit}");
    println!("cargo:rustc-env=LECTERN_BUILD_TIME={built}");
    println!("cargo:rerun-if-env-changed=LECTERN_GIT_COMMIT");
    println!("cargo:rerun-if-changed=../.git/HEAD");
    println!("cargo:rerun-if-changed=../.git/refs/heads");
}

/// Writes `$OUT_DIR/seed_files.rs`: the instructors file and every course file, embedded.
fn embed_seed() {
    // Read at run time: the compiled build script itself may be shared across clones.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let dir = Path::new(&manifest_dir).join("seed");
    // Watched paths are relative to the package too: cargo then checks this clone's files,
    // whereas an absolute path keeps watching the first clone's (unchanged) files, so a build
    // from another clone of another commit would reuse stale output (seen: no REVIEWS).
    println!("cargo:rerun-if-changed=seed");
    println!("cargo:rerun-if-changed=seed/courses");
    let mut courses: Vec<_> = std::fs::read_dir(dir.join("courses"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    courses.sort();
    let mut out = String::new();
    // Paths are written relative to CARGO_MANIFEST_DIR, never as this checkout's absolute
    // path: artifacts in a shared target directory are reused across clones, and an absolute
    // path would keep embedding (and watching) the files of whichever clone built first.
    let _ = writeln!(
        out,
        "/// The demo instructors (TOML).\npub const INSTRUCTORS: &str = include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/seed/instructors.toml\"));"
    );
    let _ = writeln!(
        out,
        "/// The demo learners and their reviews (TOML).\npub const REVIEWS: &str = include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/seed/reviews.toml\"));"
    );
    println!("cargo:rerun-if-changed=seed/reviews.toml");
    out.push_str(
        "/// The demo courses as (file name, TOML).\npub const COURSES: &[(&str, &str)] = &[\n",
    );
    for path in &courses {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        println!("cargo:rerun-if-changed=seed/courses/{name}");
        let _ = writeln!(
            out,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/seed/courses/{name}\"))),"
        );
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("seed_files.rs");
    if let Err(error) = std::fs::write(&target, out) {
        panic!("writing {}: {error}", target.display());
    }
}
