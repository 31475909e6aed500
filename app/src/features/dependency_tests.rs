//! The dependency direction of `features/mod.rs`, checked on the source: a feature names only
//! the features it may use, those rules have no cycle, the shared base names no feature, and
//! the shared base's own modules have no import cycle.
use super::DEPENDENCIES;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file below `dir` (or `dir` itself when it is a file).
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    if dir.is_file() {
        return vec![dir.to_path_buf()];
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The source without `//` comments (doc comments may name anything).
fn code_of(path: &Path) -> String {
    std::fs::read_to_string(path)
        .expect("readable source file")
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first path segments after each `prefix` in `code`: `prefix::name` and
/// `prefix::{a, b::c}` both count.
fn named_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = BTreeSet::new();
    let needle = format!("{prefix}::");
    for (i, _) in code.match_indices(&needle) {
        // `features::x` must not be the tail of a longer name (`my_features::x`).
        let before = code[..i].chars().last();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[i + needle.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = &group[..group.find('}').unwrap_or(group.len())];
            out.extend(group.split(',').map(ident).filter(|s| !s.is_empty()));
        } else {
            let name = ident(rest);
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

/// The features a feature's files name, with the file that names each.
fn uses_of(feature: &str) -> BTreeMap<String, PathBuf> {
    let mut out = BTreeMap::new();
    for file in rust_files(&src().join("features").join(feature)) {
        for used in named_after(&code_of(&file), "features") {
            out.entry(used).or_insert_with(|| file.clone());
        }
    }
    out
}

/// A cycle in a graph, if there is one.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut c = path[at..].to_vec();
            c.push(node.to_owned());
            return Some(c);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut Vec::new(), &mut done))
}

#[test]
fn every_feature_folder_has_rules_and_the_rules_have_no_cycle() {
    let listed: BTreeSet<String> = DEPENDENCIES.iter().map(|(f, _)| f.to_string()).collect();
    for entry in std::fs::read_dir(src().join("features")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            assert!(
                listed.contains(&name),
                "features/{name} has no row in DEPENDENCIES (features/mod.rs)"
            );
        }
    }
    let edges: BTreeMap<String, BTreeSet<String>> = DEPENDENCIES
        .iter()
        .map(|(f, uses)| (f.to_string(), uses.iter().map(|u| u.to_string()).collect()))
        .collect();
    for uses in edges.values() {
        for u in uses {
            assert!(
                listed.contains(u),
                "DEPENDENCIES names an unknown feature {u}"
            );
        }
    }
    assert_eq!(
        cycle(&edges),
        None,
        "the feature rules must go one way only"
    );
}

#[test]
fn features_use_only_the_features_they_may() {
    for (feature, allowed) in DEPENDENCIES {
        for (used, file) in uses_of(feature) {
            assert!(
                used == *feature || allowed.contains(&used.as_str()),
                "{} uses the {used} feature, which {feature} may not use (features/mod.rs)",
                file.display()
            );
        }
    }
}

#[test]
fn the_shared_base_uses_no_feature() {
    let testing = src().join("server").join("testing");
    for part in [
        "server",
        "components",
        "i18n",
        "glossary.rs",
        "paths.rs",
        "error.rs",
    ] {
        for file in rust_files(&src().join(part)) {
            if file.starts_with(&testing) {
                continue; // The test fixture builds whole worlds, from every feature.
            }
            let used = named_after(&code_of(&file), "features");
            assert!(
                used.is_empty(),
                "{} is in the shared base but uses {used:?}",
                file.display()
            );
        }
    }
}

#[test]
fn the_shared_base_has_no_import_cycle() {
    let server = src().join("server");
    let modules: BTreeSet<String> = std::fs::read_dir(&server)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for module in &modules {
        if module == "testing" {
            continue;
        }
        let path = server.join(module);
        let files = if path.is_dir() {
            rust_files(&path)
        } else {
            rust_files(&path.with_extension("rs"))
        };
        let deps = edges.entry(module.clone()).or_default();
        for file in files {
            // A file's own tests (`mod tests { use super::*; }`) say nothing of its imports.
            let code = code_of(&file);
            let code = code.split("#[cfg(test)]").next().unwrap_or("").to_owned();
            let mut named = named_after(&code, "crate::server");
            // `super::` from a file of `server/` is `server` itself; from a folder's file, that
            // folder (the same module).
            if file.parent() == Some(server.as_path()) {
                named.extend(named_after(&code, "super"));
            }
            // `server/mod.rs` names its modules directly (`net::sender`), past `pub mod` lines.
            if file == server.join("mod.rs") {
                let used: String = code
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("pub mod "))
                    .collect();
                named.extend(
                    modules
                        .iter()
                        .filter(|m| used.contains(&format!("{m}::")))
                        .cloned(),
                );
            }
            for n in named {
                // A name that is no module (`AppState`, `Config`) lives in `server/mod.rs`.
                let target = if modules.contains(&n) {
                    n
                } else {
                    "mod".into()
                };
                if target != *module {
                    deps.insert(target);
                }
            }
        }
    }
    assert_eq!(
        cycle(&edges),
        None,
        "modules of the shared base import each other"
    );
}

#[test]
fn the_scanner_finds_plain_and_grouped_names() {
    let code = "use crate::features::products::dto::X;\nuse crate::features::{access, notifications::service};\nlet my_features::x = 1;";
    let found: Vec<String> = named_after(code, "features").into_iter().collect();
    assert_eq!(found, ["access", "notifications", "products"]);
}
