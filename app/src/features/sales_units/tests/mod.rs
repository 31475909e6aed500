mod edit_tests;
mod figures_tests;
mod history_tests;
mod list_tests;
