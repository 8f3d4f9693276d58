//! Markdown to safe HTML: pulldown-cmark renders, ammonia removes anything unsafe.
//!
//! Compiled into both the server and the browser bundle, so the authoring preview is exactly
//! what learners will see.

use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};

/// Renders user-authored markdown to HTML that is safe to inject into a page.
///
/// Raw HTML in the source is sanitized away (scripts, event handlers, `javascript:` URLs);
/// links get `rel="noopener noreferrer nofollow"`.
pub fn render(source: &str) -> String {
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(source, OPTIONS));
    sanitize(&unsafe_html)
}

/// Renders a lesson body like [`render`], without a leading heading that only repeats the
/// lesson's title (the page already shows the title as its main heading). The comparison
/// ignores case and runs of whitespace.
pub fn render_lesson(source: &str, title: &str) -> String {
    let events: Vec<Event<'_>> = Parser::new_ext(source, OPTIONS).collect();
    let skip = repeated_title_len(&events, title);
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events.into_iter().skip(skip));
    sanitize(&unsafe_html)
}

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES);

/// How many events the body's first heading takes when its text is `title` (0 otherwise).
fn repeated_title_len(events: &[Event<'_>], title: &str) -> usize {
    if !matches!(events.first(), Some(Event::Start(Tag::Heading { .. }))) {
        return 0;
    }
    let mut text = String::new();
    for (index, event) in events.iter().enumerate().skip(1) {
        match event {
            Event::End(TagEnd::Heading(_)) => {
                return if normalized(&text) == normalized(title) {
                    index + 1
                } else {
                    0
                };
            }
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    0
}

fn normalized(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn sanitize(unsafe_html: &str) -> String {
    ammonia::Builder::default()
        .add_tag_attributes("code", &["class"])
        // A code block that scrolls sideways can be reached and scrolled with the keyboard.
        .set_tag_attribute_value("pre", "tabindex", "0")
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
        .clean(unsafe_html)
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
    use super::{render, render_lesson};

    #[test]
    fn code_blocks_are_keyboard_scrollable_and_cannot_be_given_other_tabindexes() {
        let html = render("```\nlet x = 1;\n```\n\n<pre tabindex=\"-1\">raw</pre>");
        assert_eq!(html.matches("<pre tabindex=\"0\">").count(), 2, "{html}");
        assert!(!html.contains("-1"), "{html}");
    }

    #[test]
    fn a_leading_heading_repeating_the_lesson_title_is_dropped() {
        let body =
            "#  What is  *deep* WORK?\n\nFocus without distraction.\n\n## What is deep work?\n";
        let html = render_lesson(body, "What is deep work?");
        assert!(html.starts_with("<p>Focus"), "{html}");
        assert!(
            html.contains("<h2>What is deep work?</h2>"),
            "only the first heading goes: {html}"
        );
        for (kept, title) in [
            ("## Something else\n\nText", "What is deep work?"),
            ("Intro first.\n\n# What is deep work?", "What is deep work?"),
            ("# What is deep work? Part 2", "What is deep work?"),
        ] {
            assert_eq!(render_lesson(kept, title), render(kept), "{kept:?} changed");
        }
        assert_eq!(
            render_lesson("## `Box<T>`\n\nOn the heap.", "box<t>"),
            "<p>On the heap.</p>\n"
        );
    }

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
