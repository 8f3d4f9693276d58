//! The `Content-Disposition` value that makes a browser save a file under a given name.

/// `attachment` with `download_name` both as a plain ASCII fallback and, for names with other
/// characters, RFC 6266's `filename*` in UTF-8. Quotes, backslashes, control characters and
/// path separators never reach the header unescaped, so a name cannot add header parameters.
pub fn content_disposition(download_name: &str) -> String {
    let fallback: String = download_name
        .chars()
        .map(|c| match c {
            ' ' => ' ',
            '"' | '\\' | '/' | '%' => '_',
            c if c.is_ascii_graphic() => c,
            _ => '_',
        })
        .collect();
    let mut encoded = String::with_capacity(download_name.len() * 3);
    for byte in download_name.bytes() {
        // RFC 5987 attr-char: alphanumerics and !#$&+-.^_`|~ stand for themselves.
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn plain_names_come_through_as_is() {
        assert_eq!(
            content_disposition("week-1 slides.pdf"),
            "attachment; filename=\"week-1 slides.pdf\"; filename*=UTF-8''week-1%20slides.pdf"
        );
    }

    #[test]
    fn unicode_names_keep_their_characters_in_filename_star() {
        let value = content_disposition("Übung — Lösungen.pdf");
        assert!(
            value.contains("filename=\"_bung _ L_sungen.pdf\""),
            "{value}"
        );
        assert!(
            value.ends_with("filename*=UTF-8''%C3%9Cbung%20%E2%80%94%20L%C3%B6sungen.pdf"),
            "{value}"
        );
    }

    #[test]
    fn quotes_and_newlines_cannot_break_out_of_the_header_value() {
        let value = content_disposition("a\";\r\nSet-Cookie: x=1;.pdf");
        assert!(!value.contains('\r') && !value.contains('\n'), "{value}");
        assert_eq!(
            value.matches('"').count(),
            2,
            "only the quotes we add: {value}"
        );
        assert!(value.starts_with("attachment; filename=\"a_;__Set-Cookie: x=1;.pdf\""));
    }
}
