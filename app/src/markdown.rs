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
        .attribute_filter(|element, attribute, value| {
            if element == "code" && attribute == "class" {
                code_language(value).map(Into::into)
            } else {
                Some(value.into())
            }
        })
        .clean(&unsafe_html)
        .to_string()
}

/// The `language-*` classes of a code block's `class` attribute, the only ones kept: any other
/// class would let authored content borrow the app's own styles (an overlay across the page).
fn code_language(classes: &str) -> Option<String> {
    let kept: Vec<&str> = classes
        .split_ascii_whitespace()
        .filter(|class| {
            class.strip_prefix("language-").is_some_and(|name| {
                !name.is_empty()
                    && name.len() <= 32
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+#.-_".contains(c))
            })
        })
        .collect();
    (!kept.is_empty()).then(|| kept.join(" "))
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
    fn code_blocks_keep_only_language_classes() {
        let html = render(
            "<code class=\"fixed inset-0 z-50 bg-white language-rust\">x</code>\n\n\
             <code class=\"absolute top-0\">y</code>\n\n```c++\nint main();\n```\n",
        );
        assert!(
            html.contains(r#"<code class="language-rust">x</code>"#),
            "{html}"
        );
        assert!(html.contains("<code>y</code>"), "{html}");
        assert!(html.contains(r#"<code class="language-c++">"#), "{html}");
        for utility in ["fixed", "inset-0", "z-50", "absolute", "top-0"] {
            assert!(!html.contains(utility), "{utility} kept: {html}");
        }
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
