//! The HTTP API and the web page.
//!
//! `POST /api/check` takes an article as JSON and returns the same JSON report as
//! `tally check --json`; `GET /api/datasets` describes the data; `GET /api/openapi.json`
//! documents the API; `GET /` is the page where a person pastes an article and sees its claims
//! marked in place.
//!
//! The server is given everything it needs (a loaded [`Checker`], a listener and a
//! [`Config`]); it reads no files, flags or environment of its own. Checking is CPU-bound,
//! so each check runs on the blocking pool.
//!
//! # Limits
//!
//! A request body is at most [`Config::body_limit`] bytes and a request takes at most
//! [`Config::timeout`]; a check that runs over is answered with 408 and finishes in the
//! background. At most [`Config::checks`] checks run at once; the others wait their turn
//! within their time. Every error is JSON, `{"error": "..."}`, with a 4xx status for bad
//! requests.

mod api;
mod errors;
mod page;
mod routes;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use check::Checker;
use tower_http::timeout::TimeoutLayer;

pub use routes::{Route, routes};

/// How the server behaves under load and abuse.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// The largest request body accepted, in bytes.
    pub body_limit: usize,
    /// The longest a request may take.
    pub timeout: Duration,
    /// How many checks may run at once (one per core is plenty: checking is CPU-bound).
    pub checks: usize,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            body_limit: 2 * 1024 * 1024,
            timeout: Duration::from_secs(10),
            checks: 2,
        }
    }
}

/// What every handler can see.
#[derive(Debug)]
pub(crate) struct App {
    pub checker: Checker,
    pub config: Config,
    /// One permit per check allowed to run at once.
    pub permits: Arc<tokio::sync::Semaphore>,
}

pub(crate) type State = Arc<App>;

/// The application: every route of [`routes`], with the limits of `config`.
pub fn router(checker: Checker, config: Config) -> Router {
    let permits = Arc::new(tokio::sync::Semaphore::new(config.checks.max(1)));
    let app = Arc::new(App {
        checker,
        config,
        permits,
    });
    let routes = routes::routes()
        .into_iter()
        .fold(Router::new(), |router, r| router.route(r.path, r.handler));
    routes
        .fallback(errors::not_found)
        .with_state(app)
        .layer(DefaultBodyLimit::max(config.body_limit))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            config.timeout,
        ))
        .layer(axum::middleware::map_response_with_state(
            config,
            errors::as_json,
        ))
}

/// Serves `router` on `listener` until the process is interrupted (Ctrl-C), on a runtime of
/// its own.
pub fn run(listener: std::net::TcpListener, router: Router) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })
}
