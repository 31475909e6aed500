//! The Portico server as a library, so the binary and the HTTP tests share one router.
pub mod api_v1;
pub mod bench;
pub mod config;
pub mod flash;
pub mod mailer;
pub mod push_worker;
pub mod routes;
pub mod seed;
