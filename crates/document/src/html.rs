//! Reading the main text and metadata out of an HTML page.
//!
//! Readability (the `dom_smoothie` port) picks the article out of a page, leaving navigation,
//! related links, scripts and styles behind. Short pages defeat it; then the visible text of
//! the body is used, with the obvious non-article elements removed. Either way the result is
//! normalised to one paragraph per block, separated by blank lines, for [`crate::build`].

use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability, TextMode};
use jiff::civil::Date;

use crate::Metadata;

const NOT_CONTENT: &str = "script, style, noscript, template, nav, header, footer, aside, form, \
                           iframe, svg, button, select";

/// The main text of a page, with what the page says about itself.
pub(crate) struct Page {
    pub text: String,
    pub metadata: Metadata,
}

pub(crate) fn read(html: &str) -> Page {
    let dom = Dom::from(html);
    let article = readable(html);
    let text = article
        .as_ref()
        .map(|a| normalise(&a.text_content))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| visible_text(&dom));
    let metadata = metadata(&dom, article.as_ref());
    Page { text, metadata }
}

fn readable(html: &str) -> Option<dom_smoothie::Article> {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    Readability::new(html, None, Some(config))
        .ok()?
        .parse()
        .ok()
}

/// The body's text without scripts, navigation and the like.
fn visible_text(dom: &Dom) -> String {
    dom.select(NOT_CONTENT).remove();
    let body = dom.select("body");
    let text = if body.exists() {
        body.formatted_text()
    } else {
        dom.formatted_text()
    };
    normalise(&text)
}

/// One paragraph per non-blank line, white space collapsed, blank lines between.
fn normalise(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn metadata(dom: &Dom, article: Option<&dom_smoothie::Article>) -> Metadata {
    let meta = |keys: &[&str]| keys.iter().find_map(|k| meta_content(dom, k));
    let title = article
        .map(|a| a.title.trim().to_owned())
        .filter(|t| !t.is_empty())
        .or_else(|| meta(&["og:title"]))
        .or_else(|| text_of(dom, "title"));
    let url = attr(dom, r#"link[rel="canonical"]"#, "href")
        .or_else(|| meta(&["og:url"]))
        .or_else(|| article.and_then(|a| a.url.clone()));
    Metadata {
        title,
        published: published(dom, article),
        url,
        site_name: article
            .and_then(|a| a.site_name.clone())
            .or_else(|| meta(&["og:site_name"])),
        byline: article
            .and_then(|a| a.byline.clone())
            .or_else(|| meta(&["author"])),
    }
}

/// The first publication date the page gives that parses.
fn published(dom: &Dom, article: Option<&dom_smoothie::Article>) -> Option<Date> {
    let candidates = [
        meta_content(dom, "article:published_time"),
        json_ld_date(dom),
        article.and_then(|a| a.published_time.clone()),
        meta_content(dom, "date"),
        meta_content(dom, "datePublished"),
        attr(dom, "time[datetime]", "datetime"),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|s| parse_date(&s))
}

/// The date part of an ISO 8601 date or timestamp, if it is a real date.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    let date = s.trim().get(..10)?;
    let rest = &s.trim()[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    date.parse().ok()
}

fn json_ld_date(dom: &Dom) -> Option<String> {
    dom.select(r#"script[type="application/ld+json"]"#)
        .iter()
        .find_map(|s| json_field(&s.text(), "datePublished"))
}

/// The string value of `"key": "..."` in a JSON text, found without parsing it.
fn json_field(json: &str, key: &str) -> Option<String> {
    let quoted = format!("\"{key}\"");
    let after = &json[json.find(&quoted)? + quoted.len()..];
    let after = after
        .trim_start()
        .strip_prefix(':')?
        .trim_start()
        .strip_prefix('"')?;
    Some(after[..after.find('"')?].to_owned())
}

fn meta_content(dom: &Dom, key: &str) -> Option<String> {
    [
        format!(r#"meta[property="{key}"]"#),
        format!(r#"meta[name="{key}"]"#),
        format!(r#"meta[itemprop="{key}"]"#),
    ]
    .iter()
    .find_map(|sel| attr(dom, sel, "content"))
}

fn attr(dom: &Dom, selector: &str, name: &str) -> Option<String> {
    let sel = dom.try_select(selector)?;
    let value = sel.first().attr(name)?.trim().to_owned();
    (!value.is_empty()).then_some(value)
}

fn text_of(dom: &Dom, selector: &str) -> Option<String> {
    let sel = dom.try_select(selector)?;
    let text = sel.first().text().trim().to_owned();
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_skips_page_chrome() {
        let dom = Dom::from(
            "<body><nav>Home</nav><header>Site</header><p>One.</p><script>x()</script>\
             <div>Two.</div><aside>Links</aside><footer>Legal</footer></body>",
        );
        assert_eq!(visible_text(&dom), "One.\n\nTwo.");
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2024-03-14T08:30:00+00:00"),
            Some(jiff::civil::date(2024, 3, 14))
        );
        assert_eq!(
            parse_date("2024-03-14"),
            Some(jiff::civil::date(2024, 3, 14))
        );
        assert_eq!(parse_date("2023-02-30T10:00:00Z"), None);
        assert_eq!(parse_date("14 March 2024"), None);
        assert_eq!(parse_date("2024-03-14X"), None);
        assert_eq!(parse_date("2é"), None);
    }
}
