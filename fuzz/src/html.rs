//! A small scanner for the sanitized HTML that `app::markdown::render` returns, and the
//! safety properties it must have.
//!
//! The input is html5ever's serialization (ammonia's output): in text `<`, `>` and `&` are
//! escaped, attribute values are double-quoted with `"` and `&` escaped. So every raw `<`
//! outside an attribute value starts a tag, and a tag's attributes can be read exactly.

/// One start tag: its lower-cased name and attributes (names lower-cased, values decoded).
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
}

/// Elements that must never survive sanitizing.
const FORBIDDEN_TAGS: [&str; 18] = [
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "frame",
    "frameset",
    "base",
    "link",
    "meta",
    "form",
    "svg",
    "math",
    "noscript",
    "template",
    "textarea",
    "xmp",
    "plaintext",
];

/// Attributes holding a URL.
const URL_ATTRIBUTES: [&str; 10] = [
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "poster",
    "background",
    "longdesc",
    "usemap",
    "xlink:href",
];

fn decode(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every start tag of `html`, or a description of what could not be read.
pub fn start_tags(html: &str) -> Result<Vec<Tag>, String> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut at = 0;
    while let Some(offset) = html[at..].find('<') {
        at += offset + 1;
        match bytes.get(at) {
            Some(b'/') => {
                let end = html[at..].find('>').ok_or("unclosed end tag")?;
                at += end + 1;
                continue;
            }
            Some(c) if c.is_ascii_alphabetic() => {}
            _ => return Err(format!("a raw < that starts no tag at byte {at}")),
        }
        let name_len = html[at..]
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .ok_or("unclosed start tag")?;
        let name = html[at..at + name_len].to_ascii_lowercase();
        at += name_len;
        let mut attributes = Vec::new();
        loop {
            at += html[at..]
                .find(|c: char| !c.is_ascii_whitespace())
                .ok_or("unclosed start tag")?;
            if html[at..].starts_with('>') {
                at += 1;
                break;
            }
            if html[at..].starts_with("/>") {
                at += 2;
                break;
            }
            let attr_len = html[at..]
                .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/')
                .ok_or("unclosed attribute")?;
            let attr = html[at..at + attr_len].to_ascii_lowercase();
            if attr_len == 0 {
                return Err(format!("an empty attribute name in <{name}>"));
            }
            at += attr_len;
            let mut value = String::new();
            if html[at..].starts_with("=\"") {
                at += 2;
                let len = html[at..].find('"').ok_or("unclosed attribute value")?;
                value = decode(&html[at..at + len]);
                at += len + 1;
            } else if html[at..].starts_with('=') {
                return Err(format!("an unquoted value for {attr} in <{name}>"));
            }
            attributes.push((attr, value));
        }
        tags.push(Tag { name, attributes });
    }
    Ok(tags)
}

/// A URL as a browser reads its scheme (WHATWG URL parsing): leading and trailing C0
/// controls and spaces stripped, tabs and newlines removed anywhere, lower-cased.
fn scheme_view(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Checks that `html` (sanitized output) holds no script, no event handler, no inline style
/// and no `javascript:`/`vbscript:`/`data:` URL. Returns the first problem found.
pub fn check_safe(html: &str) -> Result<(), String> {
    if html.contains("<!--") {
        return Err("a comment survived".into());
    }
    for tag in start_tags(html)? {
        if FORBIDDEN_TAGS.contains(&tag.name.as_str()) {
            return Err(format!("a <{}> element survived", tag.name));
        }
        for (name, value) in &tag.attributes {
            if name.starts_with("on") {
                return Err(format!("an event handler {name} on <{}>", tag.name));
            }
            if name == "style" || name == "srcdoc" || name == "srcset" {
                return Err(format!("a {name} attribute on <{}>", tag.name));
            }
            if URL_ATTRIBUTES.contains(&name.as_str()) {
                let url = scheme_view(value);
                if ["javascript:", "vbscript:", "data:"]
                    .iter()
                    .any(|s| url.starts_with(s))
                {
                    return Err(format!("a {name}={value:?} URL on <{}>", tag.name));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_safe;

    #[test]
    fn finds_what_must_not_survive() {
        assert!(check_safe(r#"<p>a &lt;script&gt; b</p>"#).is_ok());
        assert!(check_safe(r#"<img alt="<script>" src="/a.png">"#).is_ok());
        assert!(check_safe("<script>x</script>").is_err());
        assert!(check_safe("<a href=\" Java\tScript:x\">").is_err());
        assert!(check_safe(r#"<a href="JAVASCRIPT:x">"#).is_err());
        assert!(check_safe(r#"<img src="/x" onerror="x">"#).is_err());
        assert!(check_safe(r#"<p style="color: red">"#).is_err());
        assert!(check_safe("<p>1 < 2</p>").is_err());
        // Not a scheme for a browser: a backspace inside it makes the URL relative.
        assert!(check_safe("<a href=\"jav\u{8}ascript:x\">").is_ok());
    }
}
