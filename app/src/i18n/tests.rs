//! Both languages have every message, and every message the code asks for exists: a key
//! missing in one language, or a `tr!`/`t!` of a key no file defines, fails here.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The message identifiers (`key = ...` at the start of a line) of every `.ftl` file of one
/// language.
fn keys_of(lang: &str) -> BTreeSet<String> {
    let dir = root().join("locales").join(lang);
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("the language's folder") {
        let path = entry.expect("a file").path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        for line in std::fs::read_to_string(&path).expect("readable").lines() {
            let Some((key, _)) = line.split_once('=') else {
                continue;
            };
            let key = key.trim_end();
            let is_id = key.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if is_id && !line.starts_with(char::is_whitespace) {
                assert!(
                    keys.insert(key.to_owned()),
                    "{key} is defined twice in {lang}"
                );
            }
        }
    }
    keys
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The first string literal after each of `calls` in `code`: the key a `tr!("key")`,
/// `t!(lang, "key")` or `text(lang, "key")` asks for.
fn keys_asked(code: &str, calls: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for call in calls {
        for (i, _) in code.match_indices(call) {
            let before = code[..i].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &code[i + call.len()..];
            // The key is the first or second argument, on the call's first line, and looks
            // like a key (a literal further on is something else, such as a test's message).
            let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
            let Some(start) = line.find('"') else {
                continue;
            };
            if line[..start].matches(',').count() > 1 {
                continue;
            }
            let lit = &line[start + 1..];
            if let Some(end) = lit.find('"') {
                let key = &lit[..end];
                let is_key = !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                if is_key {
                    out.push(key.to_owned());
                }
            }
        }
    }
    out
}

#[test]
fn both_languages_define_the_same_messages() {
    let (en, nb) = (keys_of("en"), keys_of("nb"));
    assert!(en.len() > 10, "the English messages are there");
    let only_en: Vec<_> = en.difference(&nb).collect();
    let only_nb: Vec<_> = nb.difference(&en).collect();
    assert!(only_en.is_empty(), "missing in Norwegian: {only_en:?}");
    assert!(only_nb.is_empty(), "missing in English: {only_nb:?}");
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let defined = keys_of("en");
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    let mut missing = Vec::new();
    let mut asked = 0;
    for file in files {
        if file.ends_with("i18n/tests.rs") {
            continue;
        }
        // Comments may show how to call (`t!(lang, "key")`) without calling.
        let code = std::fs::read_to_string(&file)
            .expect("readable")
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        for key in keys_asked(&code, &["tr!(", "move_tr!(", "t!(", "text(", "text_with("]) {
            asked += 1;
            if !defined.contains(&key) {
                missing.push(format!("{}: {key}", file.display()));
            }
        }
    }
    assert!(asked > 10, "the scan finds the code's messages");
    assert!(
        missing.is_empty(),
        "asked for but not defined: {missing:#?}"
    );
}

/// The names of the values (`{ $name }`) each message of one language takes.
fn variables_of(lang: &str) -> std::collections::BTreeMap<String, BTreeSet<String>> {
    let dir = root().join("locales").join(lang);
    let mut out = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("the language's folder") {
        let path = entry.expect("a file").path();
        let mut current: Option<String> = None;
        for line in std::fs::read_to_string(&path).expect("readable").lines() {
            // Blank lines and indented ones continue the message.
            if !line.is_empty() && !line.starts_with(char::is_whitespace) && !line.starts_with('}')
            {
                current = line
                    .split_once(" =")
                    .map(|(k, _)| k.to_owned())
                    .filter(|k| !k.starts_with('#'));
            }
            if let Some(key) = &current {
                let vars: &mut BTreeSet<String> = out.entry(key.clone()).or_default();
                for (i, _) in line.match_indices('$') {
                    let name: String = line[i + 1..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn every_message_formats_in_both_languages() {
    use super::{text_with, Lang, Value};
    for &lang in Lang::ALL {
        for (key, vars) in variables_of(lang.code()) {
            // A message that does not format comes back as its key.
            let names: Vec<&'static str> = vars
                .into_iter()
                .map(|v| &*Box::leak(v.into_boxed_str()))
                .collect();
            let args: Vec<(&'static str, Value)> =
                names.iter().map(|n| (*n, Value::Number(2))).collect();
            assert_ne!(text_with(lang, &key, &args), key, "{key} in {lang}");
        }
    }
}

#[test]
fn languages_are_read_from_tags_and_accept_language() {
    use super::Lang;
    assert_eq!(Lang::parse("nb-NO"), Some(Lang::Nb));
    assert_eq!(Lang::parse("no"), Some(Lang::Nb));
    assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
    assert_eq!(Lang::parse("de"), None);
    assert_eq!(Lang::parse(""), None);
    let accept = Lang::from_accept_language;
    assert_eq!(accept("nb-NO,nb;q=0.9,en;q=0.8"), Some(Lang::Nb));
    assert_eq!(accept("de-DE,de;q=0.9,en;q=0.5,nb;q=0.4"), Some(Lang::En));
    assert_eq!(accept("en;q=0.2, nb;q=0.7"), Some(Lang::Nb));
    assert_eq!(accept("fr, de"), None);
    assert_eq!(accept("nb;q=0, en;q=nonsense"), None);
    assert_eq!(accept(""), None);
}
