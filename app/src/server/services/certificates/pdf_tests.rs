//! The rendered certificate, read back with poppler's tools (`pdftotext`, `pdffonts`,
//! `pdftoppm`; Debian's `poppler-utils`, which the test command installs) and the QR code
//! decoded from the rendered page with an independent decoder (rqrr).

use std::path::Path;
use std::process::Command;

use super::{render, wrap, CertificateText, REGULAR};

fn sample() -> CertificateText {
    CertificateText {
        issuer: "Lectern".into(),
        learner: "Zoë Ångström-Okafor".into(),
        course:
            "Rust for Data Engineers: ownership, lifetimes and fearless concurrency in practice"
                .into(),
        instructor: "Ada Lovelace".into(),
        date: "28 Nov 2026".into(),
        verify_url: "http://127.0.0.1:3000/certificates/0193a4b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b"
            .into(),
        id: "0193a4b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b".into(),
    }
}

/// Runs poppler's `tool` with `args`; panics with what to install when it is missing.
fn poppler(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("{tool} is needed for this test (apt-get install poppler-utils): {e}")
    });
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn written(dir: &Path, text: &CertificateText) -> String {
    let pdf = render(text).expect("renders");
    if let Ok(keep) = std::env::var("LECTERN_KEEP_CERTIFICATE") {
        std::fs::write(keep, &pdf).expect("keep");
    }
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let path = dir.join("certificate.pdf");
    std::fs::write(&path, pdf).expect("write");
    path.to_string_lossy().into_owned()
}

#[test]
fn the_text_names_the_learner_the_course_the_instructor_and_the_verification_url() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = sample();
    let pdf = written(dir.path(), &text);
    let extracted = poppler("pdftotext", &["-layout", &pdf, "-"]);
    // Words, whatever the line breaks and spacing.
    let flat = extracted.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Certificate of completion",
        "Zoë Ångström-Okafor",
        "Rust for Data Engineers: ownership, lifetimes and fearless",
        "concurrency in practice",
        "taught by Ada Lovelace",
        "on 28 Nov 2026",
        text.verify_url.as_str(),
    ] {
        assert!(flat.contains(expected), "{expected:?} not in {flat:?}");
    }
    let pages = poppler("pdfinfo", &[&pdf]);
    assert!(
        pages
            .lines()
            .any(|l| l.starts_with("Pages:") && l.ends_with(" 1")),
        "{pages}"
    );
}

#[test]
fn every_font_is_embedded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = written(dir.path(), &sample());
    let fonts = poppler("pdffonts", &[&pdf]);
    // name type encoding emb sub uni object ID: two header lines, then one line per font.
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(
        rows.len() >= 2,
        "expected the regular and bold faces: {fonts}"
    );
    for row in &rows {
        assert!(row.contains("DejaVuSans"), "an unexpected font: {row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols.len() - 5;
        assert_eq!(cols[emb], "yes", "a font is not embedded: {row}");
    }
}

/// The page as a greyscale PGM at `dpi`, decoded to (width, height, pixels).
fn page_pixels(pdf: &str, dir: &Path, dpi: u32) -> (usize, usize, Vec<u8>) {
    let stem = dir.join("page");
    let stem = stem.to_string_lossy().into_owned();
    poppler(
        "pdftoppm",
        &["-gray", "-r", &dpi.to_string(), "-singlefile", pdf, &stem],
    );
    let bytes = std::fs::read(format!("{stem}.pgm")).expect("pgm written");
    // P5 <width> <height> <maxval> then one byte per pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let w: usize = fields[1].parse().expect("width");
    let h: usize = fields[2].parse().expect("height");
    let pixels = bytes[at + 1..].to_vec();
    assert_eq!(pixels.len(), w * h);
    (w, h, pixels)
}

#[test]
fn the_qr_code_decodes_to_the_verification_url() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = sample();
    let pdf = written(dir.path(), &text);
    let (w, h, pixels) = page_pixels(&pdf, dir.path(), 150);
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the page");
    let (_, content) = grids[0].decode().expect("the QR code decodes");
    assert_eq!(content, text.verify_url);
}

#[test]
fn long_names_wrap_within_the_line_and_end_with_an_ellipsis_past_the_last() {
    let face = REGULAR.as_ref().expect("font");
    let long = "word ".repeat(200);
    let lines = wrap(face, &long, 22.0, 300.0, 3);
    assert_eq!(lines.len(), 3);
    for line in &lines {
        assert!(face.width(line, 22.0) <= 300.0, "{line} is too wide");
    }
    assert!(lines[2].ends_with('\u{2026}'));
    assert_eq!(
        wrap(face, "Short title", 22.0, 300.0, 3),
        vec!["Short title"]
    );
    // A word wider than the line is broken, not drawn off the page.
    let name = "N".repeat(200);
    let broken = wrap(face, &name, 28.0, 300.0, 2);
    assert_eq!(broken.len(), 2);
    assert!(broken.iter().all(|l| face.width(l, 28.0) <= 300.0));
    // Nothing to draw is no line at all, not an empty one.
    assert!(wrap(face, "   ", 22.0, 300.0, 3).is_empty());
}

#[test]
fn a_very_long_title_still_renders_one_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = sample();
    text.course = "Supercalifragilisticexpialidocious ".repeat(20);
    text.learner = "N".repeat(200);
    let pdf = written(dir.path(), &text);
    let pages = poppler("pdfinfo", &[&pdf]);
    assert!(pages
        .lines()
        .any(|l| l.starts_with("Pages:") && l.ends_with(" 1")));
}
