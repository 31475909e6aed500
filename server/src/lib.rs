//! The Portico server as a library, so the binary and the HTTP tests share one router.
pub mod api_docs;
pub mod api_v1;
pub mod bench;
pub mod commission_forms;
pub mod config;
pub mod dev_mailbox;
pub mod flash;
pub mod forms;
pub mod html;
pub mod middleware;
pub mod partner_key_form;
pub mod router;
pub mod seed;
pub mod seed_pricing;
pub mod seed_sales_units;
pub mod workers;
