//! The built site's file names. With hashed names (cargo-leptos `hash-files`, on in every build)
//! the hash file beside the server binary says them; it is read once.
use leptos::config::LeptosOptions;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The hash file cargo-leptos writes beside the server binary, if there is one.
pub fn hash_file() -> Option<PathBuf> {
    let path = std::env::current_exe().ok()?.parent()?.join("hash.txt");
    path.exists().then_some(path)
}

/// The stylesheet's address: `/pkg/portico.<hash>.css` in a hashed build, else `/pkg/portico.css`.
pub fn stylesheet(options: &LeptosOptions) -> &'static str {
    static HREF: OnceLock<String> = OnceLock::new();
    HREF.get_or_init(|| {
        let hash = options
            .hash_files
            .then(hash_file)
            .flatten()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|text| css_hash(&text));
        let (pkg, name) = (&options.site_pkg_dir, &options.output_name);
        match hash {
            Some(h) => format!("/{pkg}/{name}.{h}.css"),
            None => format!("/{pkg}/{name}.css"),
        }
    })
}

/// The `css: <hash>` line of a hash file.
fn css_hash(text: &str) -> Option<String> {
    text.lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(file, _)| file.trim() == "css")
        .map(|(_, h)| h.trim().to_owned())
        .filter(|h| {
            !h.is_empty()
                && h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_css_hash() {
        let text = "js: AAA\nwasm: BBB\ncss: yMe7C61_cvBokYfAsRM3AA\n";
        assert_eq!(
            super::css_hash(text).as_deref(),
            Some("yMe7C61_cvBokYfAsRM3AA")
        );
        assert_eq!(super::css_hash("js: AAA\n"), None);
        assert_eq!(super::css_hash("css: ../x\n"), None);
    }
}
