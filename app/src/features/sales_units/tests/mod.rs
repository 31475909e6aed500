mod history_tests;
mod list_tests;
