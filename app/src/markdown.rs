//! Markdown to safe HTML: pulldown-cmark renders, ammonia removes anything unsafe.
//!
//! Compiled into both the server and the browser bundle, so the authoring preview is exactly
//! what learners will see.

use pulldown_cmark::{html, Options, Parser};

/// Renders user-authored markdown to HTML that is safe to inject into a page.
///
/// Raw HTML in the source is sanitized away (scripts, event handlers, `javascript:` URLs);
/// links get `rel="noopener noreferrer nofollow"`.
pub fn render(source: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(source, options));
    ammonia::Builder::default()
        .add_tag_attributes("code", &["class"])
        .add_tag_attributes("input", &["type", "checked", "disabled"])
        .add_tags(&["input"])
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn renders_headings_lists_code_and_tables() {
        let html =
            render("## Title\n\n- a\n- b\n\n```rust\nfn main() {}\n```\n\n|a|b|\n|-|-|\n|1|2|\n");
        assert!(html.contains("<h2>Title</h2>"), "{html}");
        assert!(html.contains("<li>a</li>"), "{html}");
        assert!(html.contains(r#"<code class="language-rust">"#), "{html}");
        assert!(html.contains("<table>"), "{html}");
    }

    #[test]
    fn strips_scripts_handlers_and_javascript_urls() {
        let html = render(
            "<script>alert('x')</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn keeps_images_and_marks_links_nofollow() {
        let html = render("![diagram](/images/a.svg)\n\n[docs](https://example.org)");
        assert!(
            html.contains(r#"<img src="/images/a.svg" alt="diagram">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"rel="noopener noreferrer nofollow""#),
            "{html}"
        );
    }
}
