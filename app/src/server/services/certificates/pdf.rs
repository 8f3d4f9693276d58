//! A certificate as a one-page PDF (A4 landscape): the learner, the course, its instructor, the
//! date, and the verification URL as text and as a QR code. Fonts (DejaVu Sans, see
//! `app/assets/fonts`) are embedded, subset to the glyphs used, so it prints the same anywhere.

use std::sync::LazyLock;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;
use qrcode::{Color, EcLevel, QrCode};

use crate::error::AppError;

static REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 landscape, in points.
const WIDTH: f32 = 842.0;
const HEIGHT: f32 = 595.0;
/// The widest a centred line may be.
const TEXT_WIDTH: f32 = 640.0;

/// What a certificate says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateText {
    /// The issuer's name (the site's), at the top.
    pub issuer: String,
    pub learner: String,
    pub course: String,
    pub instructor: String,
    /// "28 Nov 2026".
    pub date: String,
    /// The public verification page's full URL (also the QR code's content).
    pub verify_url: String,
    /// The certificate's public id.
    pub id: String,
}

/// One of the two embedded faces, for drawing (krilla) and measuring (ttf-parser).
struct Face {
    font: Font,
    data: &'static [u8],
}

static REGULAR: LazyLock<Option<Face>> = LazyLock::new(|| face(REGULAR_TTF));
static BOLD: LazyLock<Option<Face>> = LazyLock::new(|| face(BOLD_TTF));

fn face(data: &'static [u8]) -> Option<Face> {
    let font = Font::new(data.into(), 0)?;
    Some(Face { font, data })
}

impl Face {
    /// The width of `text` at `size`, in points (advances only; no kerning, as drawn).
    fn width(&self, text: &str, size: f32) -> f32 {
        let Ok(parsed) = ttf_parser::Face::parse(self.data, 0) else {
            return 0.0;
        };
        let per_em = f32::from(parsed.units_per_em().max(1));
        let units: f32 = text
            .chars()
            .map(|c| {
                parsed
                    .glyph_index(c)
                    .and_then(|g| parsed.glyph_hor_advance(g))
                    .map_or(0.0, f32::from)
            })
            .sum();
        units * size / per_em
    }
}

/// Splits `text` into at most `max_lines` lines no wider than `width` at `size` (a word wider
/// than a line is broken between characters); text beyond the last line ends it with an
/// ellipsis.
fn wrap(face: &Face, text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text
        .split_whitespace()
        .flat_map(|w| pieces(face, w, size, width))
    {
        let candidate = if line.is_empty() {
            word.clone()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || face.width(&candidate, size) <= width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            while !last.is_empty() && face.width(&format!("{last}\u{2026}"), size) > width {
                last.pop();
            }
            last.push('\u{2026}');
        }
    }
    lines
}

/// `word` as it is, or in pieces that each fit `width` when it does not.
fn pieces(face: &Face, word: &str, size: f32, width: f32) -> Vec<String> {
    if face.width(word, size) <= width {
        return vec![word.to_owned()];
    }
    let mut out = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        if face.width(&piece, size) > width && piece.chars().count() > 1 {
            piece.pop();
            out.push(std::mem::take(&mut piece));
            piece.push(c);
        }
    }
    if !piece.is_empty() {
        out.push(piece);
    }
    out
}

fn fill(r: u8, g: u8, b: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        ..Default::default()
    }
}

/// Draws `text` centred on the page with its baseline at `y`.
fn centred(surface: &mut Surface<'_>, face: &Face, size: f32, y: f32, text: &str) {
    let x = (WIDTH - face.width(text, size)) / 2.0;
    surface.draw_text(
        Point::from_xy(x.max(24.0), y),
        face.font.clone(),
        size,
        text,
        false,
        TextDirection::Auto,
    );
}

fn left(surface: &mut Surface<'_>, face: &Face, size: f32, x: f32, y: f32, text: &str) {
    surface.draw_text(
        Point::from_xy(x, y),
        face.font.clone(),
        size,
        text,
        false,
        TextDirection::Auto,
    );
}

/// Draws the QR code of `url` as dark squares in a `size`-point square at (`x`, `y`).
fn qr(surface: &mut Surface<'_>, url: &str, x: f32, y: f32, size: f32) -> Result<(), AppError> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|_| AppError::Internal)?;
    let modules = code.width();
    // A quiet zone of four modules on each side, as readers expect.
    let module = size / (modules + 8) as f32;
    let mut builder = PathBuilder::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (col, row) = (i % modules, i / modules);
            if let Some(rect) = Rect::from_xywh(
                x + (col + 4) as f32 * module,
                y + (row + 4) as f32 * module,
                module,
                module,
            ) {
                builder.push_rect(rect);
            }
        }
    }
    if let Some(path) = builder.finish() {
        surface.set_fill(Some(fill(0, 0, 0)));
        surface.draw_path(&path);
    }
    Ok(())
}

/// The certificate as PDF bytes.
pub fn render(text: &CertificateText) -> Result<Vec<u8>, AppError> {
    let (Some(regular), Some(bold)) = (REGULAR.as_ref(), BOLD.as_ref()) else {
        tracing::error!("the certificate fonts could not be read");
        return Err(AppError::Internal);
    };
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("Certificate: {} — {}", text.course, text.learner))
            .language("en".into())
            .creator(text.issuer.clone()),
    );
    let settings = PageSettings::from_wh(WIDTH, HEIGHT).ok_or(AppError::Internal)?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();

    // A double frame.
    for (inset, width) in [(20.0, 3.0), (30.0, 1.0)] {
        if let Some(frame) =
            Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset)
        {
            let mut builder = PathBuilder::new();
            builder.push_rect(frame);
            if let Some(path) = builder.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(67, 56, 202).into(),
                    width,
                    ..Default::default()
                }));
                surface.draw_path(&path);
            }
        }
    }
    surface.set_stroke(None);

    surface.set_fill(Some(fill(67, 56, 202)));
    centred(&mut surface, bold, 16.0, 80.0, &text.issuer);
    surface.set_fill(Some(fill(15, 23, 42)));
    centred(&mut surface, bold, 34.0, 135.0, "Certificate of completion");
    surface.set_fill(Some(fill(71, 85, 105)));
    centred(&mut surface, regular, 14.0, 180.0, "This certifies that");
    surface.set_fill(Some(fill(15, 23, 42)));
    let mut y = 222.0;
    for line in wrap(bold, &text.learner, 28.0, TEXT_WIDTH, 2) {
        centred(&mut surface, bold, 28.0, y, &line);
        y += 34.0;
    }
    surface.set_fill(Some(fill(71, 85, 105)));
    centred(
        &mut surface,
        regular,
        14.0,
        y + 4.0,
        "has completed the course",
    );
    surface.set_fill(Some(fill(15, 23, 42)));
    y += 42.0;
    for line in wrap(bold, &text.course, 22.0, TEXT_WIDTH, 3) {
        centred(&mut surface, bold, 22.0, y, &line);
        y += 28.0;
    }
    surface.set_fill(Some(fill(51, 65, 85)));
    let taught = wrap(
        regular,
        &format!("taught by {}", text.instructor),
        14.0,
        TEXT_WIDTH,
        1,
    );
    for line in taught {
        centred(&mut surface, regular, 14.0, y + 6.0, &line);
    }
    centred(
        &mut surface,
        regular,
        14.0,
        y + 28.0,
        &format!("on {}", text.date),
    );

    // Verification, bottom left; the QR code, bottom right.
    surface.set_fill(Some(fill(51, 65, 85)));
    left(
        &mut surface,
        regular,
        10.0,
        50.0,
        500.0,
        "Check this certificate at",
    );
    surface.set_fill(Some(fill(15, 23, 42)));
    let url_lines = wrap(regular, &text.verify_url, 10.0, 560.0, 2);
    let mut url_y = 516.0;
    for line in url_lines {
        left(&mut surface, regular, 10.0, 50.0, url_y, &line);
        url_y += 14.0;
    }
    surface.set_fill(Some(fill(100, 116, 139)));
    left(
        &mut surface,
        regular,
        9.0,
        50.0,
        url_y + 2.0,
        &format!("Certificate {}", text.id),
    );
    qr(
        &mut surface,
        &text.verify_url,
        WIDTH - 50.0 - 120.0,
        425.0,
        120.0,
    )?;

    surface.finish();
    page.finish();
    document.finish().map_err(|error| {
        tracing::error!(?error, "a certificate PDF could not be written");
        AppError::Internal
    })
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
