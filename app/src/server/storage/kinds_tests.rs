//! Sniffing with the real opening bytes of each format, padded to the 512 bytes callers pass.

use super::*;

/// `head` followed by filler up to 512 bytes, as a real file's first 512 bytes would be.
fn file(head: &[u8]) -> Vec<u8> {
    let mut bytes = head.to_vec();
    bytes.resize(512.max(head.len()), 0x2a);
    bytes
}

fn png() -> Vec<u8> {
    // Signature, then the IHDR chunk of a 1×1 RGBA image.
    file(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89")
}

fn jpeg() -> Vec<u8> {
    file(b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\x01\0H\0H\0\0\xff\xdb\0C\0")
}

fn webp() -> Vec<u8> {
    file(b"RIFF\x24\x08\0\0WEBPVP8 \x18\x08\0\0\x30\x2f\0\x9d\x01\x2a")
}

fn gif() -> Vec<u8> {
    file(b"GIF89a\x01\0\x01\0\x80\0\0\xff\xff\xff\0\0\0!\xf9\x04")
}

fn mp4() -> Vec<u8> {
    file(b"\0\0\0\x20ftypisom\0\0\x02\0isomiso2avc1mp41\0\0\0\x08free")
}

fn mov() -> Vec<u8> {
    file(b"\0\0\0\x14ftypqt  \0\0\x02\0qt  \0\0\0\x08wide")
}

fn webm() -> Vec<u8> {
    // EBML header with DocType "webm", then the start of the Segment.
    file(b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm\x42\x87\x81\x04\x42\x85\x81\x02\x18\x53\x80\x67")
}

fn pdf() -> Vec<u8> {
    file(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
}

/// A ZIP local file header (stored, no compression) for `name` holding `content`.
fn zip_entry(name: &str, content: &[u8]) -> Vec<u8> {
    let mut entry = b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec();
    let size = u32::try_from(content.len()).expect("small").to_le_bytes();
    entry.extend_from_slice(&size);
    entry.extend_from_slice(&size);
    entry.extend_from_slice(&u16::try_from(name.len()).expect("small").to_le_bytes());
    entry.extend_from_slice(&[0, 0]);
    entry.extend_from_slice(name.as_bytes());
    entry.extend_from_slice(content);
    entry
}

fn zip() -> Vec<u8> {
    file(&zip_entry("notes/week1.txt", b"Read chapter one."))
}

fn epub() -> Vec<u8> {
    let mut bytes = zip_entry("mimetype", b"application/epub+zip");
    bytes.extend(zip_entry(
        "META-INF/container.xml",
        b"<?xml version=\"1.0\"?>",
    ));
    file(&bytes)
}

fn docx() -> Vec<u8> {
    let mut bytes = zip_entry("[Content_Types].xml", b"<?xml version=\"1.0\"?><Types/>");
    bytes.extend(zip_entry("word/document.xml", b"<w:document/>"));
    file(&bytes)
}

#[test]
fn images_accept_png_jpeg_webp_and_gif() {
    for (bytes, mime) in [
        (png(), "image/png"),
        (jpeg(), "image/jpeg"),
        (webp(), "image/webp"),
        (gif(), "image/gif"),
    ] {
        assert_eq!(sniff(MediaKind::Image, &bytes), Ok(mime));
    }
}

#[test]
fn videos_accept_mp4_webm_and_mov() {
    for (bytes, mime) in [
        (mp4(), "video/mp4"),
        (webm(), "video/webm"),
        (mov(), "video/quicktime"),
    ] {
        assert_eq!(sniff(MediaKind::Video, &bytes), Ok(mime));
    }
}

#[test]
fn attachments_accept_documents_archives_pictures_and_text() {
    assert_eq!(sniff(MediaKind::Attachment, &pdf()), Ok("application/pdf"));
    assert_eq!(sniff(MediaKind::Attachment, &zip()), Ok("application/zip"));
    assert_eq!(
        sniff(MediaKind::Attachment, &epub()),
        Ok("application/epub+zip")
    );
    assert_eq!(sniff(MediaKind::Attachment, &png()), Ok("image/png"));
    assert_eq!(sniff(MediaKind::Attachment, &jpeg()), Ok("image/jpeg"));
    let docx = sniff(MediaKind::Attachment, &docx());
    assert!(
        docx == Ok(DOCX) || docx == Ok("application/zip"),
        "docx: {docx:?}"
    );
    for text in [
        "# Week 1\n\nRead *chapter one* before Monday. Übung macht den Meister.\n",
        "name,score\nAda,93\nZoë,88\n",
        "<!-- a Markdown file may open with a comment -->\n# Notes\n",
        "plain ascii",
    ] {
        assert_eq!(
            sniff(MediaKind::Attachment, text.as_bytes()),
            Ok(TEXT),
            "{text:?}"
        );
    }
}

#[test]
fn a_pdf_renamed_to_png_is_not_an_image() {
    assert_eq!(
        sniff(MediaKind::Image, &pdf()),
        Err(StorageError::UnsupportedType {
            kind: MediaKind::Image,
            detected: Some("application/pdf".into()),
        })
    );
}

#[test]
fn svg_is_refused_even_without_an_xml_prolog() {
    let svgs: [&[u8]; 3] = [
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
        b"\xef\xbb\xbf  <!-- icon -->\n<SVG viewBox=\"0 0 1 1\"></SVG>",
    ];
    for svg in svgs {
        for kind in MediaKind::ALL {
            assert_eq!(
                sniff(kind, svg),
                Err(StorageError::UnsupportedType {
                    kind,
                    detected: Some("image/svg+xml".into()),
                }),
                "{kind}: {}",
                String::from_utf8_lossy(svg)
            );
        }
    }
}

#[test]
fn text_with_a_nul_byte_or_invalid_utf8_is_not_text() {
    for bytes in [
        &b"hello\0world"[..],
        b"caf\xe9 au lait (Latin-1, not UTF-8)",
        b"\xff\xfeh\0i\0",
    ] {
        assert_eq!(
            sniff(MediaKind::Attachment, bytes),
            Err(StorageError::UnsupportedType {
                kind: MediaKind::Attachment,
                detected: None,
            }),
            "{bytes:?}"
        );
    }
}

#[test]
fn a_sample_cut_in_the_middle_of_a_character_is_still_text() {
    let mut sample = "Zoë ".repeat(200).into_bytes();
    sample.truncate(503); // "Zoë " is 5 bytes: 100 of them, then "Zo" and half an "ë"
    assert!(std::str::from_utf8(&sample).is_err());
    assert_eq!(sniff(MediaKind::Attachment, &sample), Ok(TEXT));
}

#[test]
fn each_kind_refuses_the_others_formats() {
    let refused = [
        (MediaKind::Image, mp4(), "video/mp4"),
        (MediaKind::Image, zip(), "application/zip"),
        (MediaKind::Video, png(), "image/png"),
        (MediaKind::Video, pdf(), "application/pdf"),
        (MediaKind::Attachment, mp4(), "video/mp4"),
        (MediaKind::Attachment, gif(), "image/gif"),
        (
            MediaKind::Attachment,
            file(b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0"),
            "application/vnd.microsoft.portable-executable",
        ),
    ];
    for (kind, bytes, mime) in refused {
        match sniff(kind, &bytes) {
            Err(StorageError::UnsupportedType { kind: k, detected }) => {
                assert_eq!((k, detected.as_deref()), (kind, Some(mime)));
            }
            other => panic!("{kind} accepted {mime}: {other:?}"),
        }
    }
    // Plain text is an attachment, never an image or a video.
    for kind in [MediaKind::Image, MediaKind::Video] {
        assert!(sniff(kind, b"just some text").is_err());
    }
}

#[test]
fn an_empty_file_is_refused() {
    for kind in MediaKind::ALL {
        assert_eq!(
            sniff(kind, b""),
            Err(StorageError::UnsupportedType {
                kind,
                detected: None
            })
        );
    }
}

#[test]
fn kinds_have_the_documented_limits_and_names() {
    assert_eq!(MediaKind::Image.max_bytes(), 10 * 1024 * 1024);
    assert_eq!(MediaKind::Video.max_bytes(), 2 * 1024 * 1024 * 1024);
    assert_eq!(MediaKind::Attachment.max_bytes(), 100 * 1024 * 1024);
    for kind in MediaKind::ALL {
        assert_eq!(MediaKind::parse(kind.as_str()), Some(kind));
        let json = serde_json::to_string(&kind).expect("serialize");
        assert_eq!(json, format!("\"{}\"", kind.as_str()));
        assert_eq!(
            serde_json::from_str::<MediaKind>(&json).expect("deserialize"),
            kind
        );
    }
    assert_eq!(MediaKind::parse("Image"), None);
    assert_eq!(MediaKind::parse("svg"), None);
}
