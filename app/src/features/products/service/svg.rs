//! SVG logos as pictures, never programs: the file is parsed as XML (no DTD, so no entity
//! tricks) and every element and attribute must be on an allow-list of drawing features;
//! references may only point inside the file. Anything else is refused with what to do.
use crate::i18n::Lang;
use crate::t;
use roxmltree::{Document, Node, ParsingOptions};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const XLINK_NS: &str = "http://www.w3.org/1999/xlink";
const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// Drawing elements.
const ELEMENTS: &[&str] = &[
    "svg",
    "g",
    "defs",
    "title",
    "desc",
    "path",
    "rect",
    "circle",
    "ellipse",
    "line",
    "polyline",
    "polygon",
    "text",
    "tspan",
    "linearGradient",
    "radialGradient",
    "stop",
    "clipPath",
    "mask",
    "pattern",
    "symbol",
    "use",
];

/// Geometry and presentation attributes.
const ATTRIBUTES: &[&str] = &[
    "id",
    "class",
    "d",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "fx",
    "fy",
    "dx",
    "dy",
    "width",
    "height",
    "viewBox",
    "preserveAspectRatio",
    "points",
    "transform",
    "fill",
    "fill-opacity",
    "fill-rule",
    "stroke",
    "stroke-width",
    "stroke-linecap",
    "stroke-linejoin",
    "stroke-miterlimit",
    "stroke-dasharray",
    "stroke-dashoffset",
    "stroke-opacity",
    "opacity",
    "clip-path",
    "clip-rule",
    "mask",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    "text-anchor",
    "dominant-baseline",
    "letter-spacing",
    "offset",
    "stop-color",
    "stop-opacity",
    "gradientUnits",
    "gradientTransform",
    "patternUnits",
    "patternTransform",
    "clipPathUnits",
    "maskUnits",
    "version",
    "style",
    "visibility",
    "display",
    "color",
    "href",
    "baseProfile",
];

/// The most elements a logo may have (a picture, not a document).
const MAX_NODES: usize = 20_000;

/// Why an SVG is refused, in words for the partner; `Ok` for a plain picture.
pub fn check(lang: Lang, text: &str) -> Result<(), String> {
    let options = ParsingOptions {
        allow_dtd: false,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options)
        .map_err(|e| t!(lang, "svg-not-xml", error = e.to_string()))?;
    let root = doc.root_element();
    if !is_svg(&root, "svg") {
        return Err(t!(lang, "svg-root"));
    }
    let mut count = 0;
    for node in root.descendants() {
        if node.is_element() {
            count += 1;
            check_element(lang, &node)?;
        }
    }
    if count > MAX_NODES {
        return Err(t!(lang, "svg-too-many", max = MAX_NODES));
    }
    Ok(())
}

fn is_svg(node: &Node, name: &str) -> bool {
    let tag = node.tag_name();
    tag.name() == name && tag.namespace().is_none_or(|ns| ns == SVG_NS)
}

fn check_element(lang: Lang, node: &Node) -> Result<(), String> {
    let tag = node.tag_name();
    let allowed = tag.namespace().is_none_or(|ns| ns == SVG_NS) && ELEMENTS.contains(&tag.name());
    if tag.name() == "script" || tag.name() == "foreignObject" {
        return Err(t!(lang, "svg-script", what = format!("<{}>", tag.name())));
    }
    if !allowed {
        return Err(t!(lang, "svg-element", element = tag.name()));
    }
    for attr in node.attributes() {
        let name = attr.name();
        let ok = match attr.namespace() {
            None => ATTRIBUTES.contains(&name),
            Some(XLINK_NS) => name == "href",
            Some(XML_NS) => name == "space" || name == "lang",
            Some(_) => false,
        };
        if !ok && name.to_ascii_lowercase().starts_with("on") {
            return Err(t!(lang, "svg-script", what = name));
        }
        if !ok {
            return Err(t!(lang, "svg-attribute", name = name));
        }
        check_value(lang, name, attr.value())?;
    }
    Ok(())
}

/// Values may only reference this file (`#id`, `url(#id)`), never a script or another URL.
fn check_value(lang: Lang, name: &str, value: &str) -> Result<(), String> {
    let flat: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_lowercase();
    let refuse = || Err(t!(lang, "svg-outside", name = name));
    if flat.contains("javascript:") || flat.contains("data:") || flat.contains("expression(") {
        return refuse();
    }
    if name == "href" && !flat.starts_with('#') {
        return refuse();
    }
    if flat.contains("@import") {
        return refuse();
    }
    for (i, _) in flat.match_indices("url(") {
        let inner = flat[i + 4..].trim_start_matches(['\'', '"']);
        if !inner.starts_with('#') {
            return refuse();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::i18n::Lang;

    #[test]
    fn plain_pictures_pass() {
        let logo = r##"<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#036"/></linearGradient></defs>
  <title>Acme</title>
  <rect width="10" height="10" fill="url(#g)" style="stroke: #000"/>
  <use xlink:href="#g"/><text x="1" y="9" font-family="sans-serif">A</text>
</svg>"##;
        assert_eq!(check(Lang::En, logo), Ok(()));
    }

    #[test]
    fn the_four_payloads_that_passed_the_old_filter_are_refused() {
        for (payload, why) in [
            (r#"<svg/onload=alert(1)>"#, "well-formed"),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><rect x='"' onload='alert(1)'/></svg>"#,
                "event handlers (onload)",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="&#106;avascript:alert(1)"/></svg>"#,
                "outside",
            ),
            (
                r#"<svg xmlns="http://www.w3.org/2000/svg"><rect><set attributeName="onmouseover" to="alert(1)"/></rect></svg>"#,
                "<set>",
            ),
        ] {
            let err = check(Lang::En, payload).unwrap_err();
            assert!(err.contains(why), "{payload}: {err}");
        }
    }

    #[test]
    fn scripts_links_entities_and_outside_references_are_refused() {
        for bad in [
            r#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><a href="https://x.example"><rect/></a></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>"#,
            r#"<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://x.example/a)"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><rect style="background:url( 'http://x.example' )"/></svg>"#,
            r#"<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/svg+xml,&lt;svg/>"/></svg>"#,
            r#"<html><svg/></html>"#,
        ] {
            assert!(check(Lang::En, bad).is_err(), "{bad}");
        }
    }
}
