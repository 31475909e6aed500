//! The Fluent messages in `locales/` are built into the crate (`i18n::TRANSLATIONS`): rebuild
//! when they change.
fn main() {
    println!("cargo::rerun-if-changed=locales");
}
