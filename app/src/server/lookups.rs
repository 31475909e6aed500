//! What one page render has already looked up about its caller. A signed-in page calls several
//! server functions while it renders, and each authenticates: without this, each would look
//! up the session, the user and the membership again. The server puts a fresh [`Lookups`] into
//! every GET and HEAD request (see [`wanted`]); the server functions of that render find it in
//! the request's parts and share it. Changes (POST) get none and look everything up afresh, so
//! a change never acts on what an earlier step of the same request saw.
use super::entities::user;
use http::request::Parts;
use leptos::prelude::use_context;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

/// The request-scoped memo: the session's user, and the reads [`shared`] ran (the caller's
/// membership per organization among them).
#[derive(Clone, Default)]
pub struct Lookups(Arc<Inner>);

#[derive(Default)]
struct Inner {
    user: tokio::sync::OnceCell<Option<user::Model>>,
    /// A read's key → its result, shared by the calls of that read in this render
    /// (`Arc<tokio::sync::OnceCell<T>>` behind `Any`).
    reads: Mutex<HashMap<String, Arc<dyn Any + Send + Sync>>>,
}

/// Runs the read `find` once per page render for each `key`: a layout that waits for the
/// session renders its page twice on the server (Leptos walks a suspended tree once to find its
/// resources and again to render it), and each walk creates the page's resources anew. With
/// this, the second walk's call shares the first's result instead of querying again. Outside a
/// render (a POST, the REST API, a worker) `find` simply runs. Keys must name the read and
/// every argument it depends on; the caller is the same in one request.
pub async fn shared<T, F, Fut>(key: String, find: F) -> T
where
    T: Clone + Send + Sync + 'static,
    F: FnOnce() -> Fut,
    Fut: Future<Output = T>,
{
    let Some(lookups) = current() else {
        return find().await;
    };
    let cell = {
        let Ok(mut reads) = lookups.0.reads.lock() else {
            return find().await;
        };
        let entry = reads
            .entry(key)
            .or_insert_with(|| Arc::new(tokio::sync::OnceCell::<T>::new()));
        entry.clone().downcast::<tokio::sync::OnceCell<T>>()
    };
    match cell {
        Ok(cell) => cell.get_or_init(find).await.clone(),
        // The same key with another type: a programming error, but never a wrong answer.
        Err(_) => find().await,
    }
}

/// Whether a request with this method gets a [`Lookups`]: only reads do.
pub fn wanted(method: &http::Method) -> bool {
    method == http::Method::GET || method == http::Method::HEAD
}

/// This request's memo, when it has one (inside a page render or a GET server function).
pub fn current() -> Option<Lookups> {
    use_context::<Parts>()?.extensions.get::<Lookups>().cloned()
}

impl Lookups {
    /// The session's user, looked up by `find` the first time only (errors are not kept).
    pub async fn user<F, Fut, E>(&self, find: F) -> Result<Option<user::Model>, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<Option<user::Model>, E>>,
    {
        self.0.user.get_or_try_init(find).await.cloned()
    }
}
