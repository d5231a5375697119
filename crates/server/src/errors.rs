//! Errors as JSON, `{"error": "..."}`, whatever produced them: a handler, an extractor, the
//! timeout or the router itself.

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use report::article::ErrorJson;

use crate::Config;

/// An error response.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: String) -> ApiError {
        ApiError { status, message }
    }

    pub(crate) fn internal(error: impl std::fmt::Display) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, error.to_string())
    }

    /// A body that is not the JSON expected, in words a person sending it can act on.
    pub(crate) fn from_rejection(rejection: JsonRejection, config: &Config) -> ApiError {
        let message = match &rejection {
            _ if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => too_large(config),
            JsonRejection::MissingJsonContentType(_) => {
                "expected a body with Content-Type: application/json".to_string()
            }
            JsonRejection::JsonSyntaxError(_) => {
                format!("expected a JSON object: {}", rejection.body_text())
            }
            JsonRejection::JsonDataError(_) => format!(
                "expected {{\"text\" or \"html\", \"date\", \"url\"}}: {}",
                rejection.body_text()
            ),
            _ => rejection.body_text(),
        };
        ApiError::new(rejection.status(), message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error(self.status, self.message)
    }
}

fn error(status: StatusCode, message: String) -> Response {
    let body = ErrorJson {
        source: None,
        error: message,
    };
    (status, Json(body)).into_response()
}

/// The fallback route.
pub(crate) async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "no such page".to_string())
}

/// Turns an error response that is not JSON yet (a timeout, a body over the limit, a method
/// the route does not take) into one.
pub(crate) async fn as_json(State(config): State<Config>, response: Response) -> Response {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_json(&response) {
        return response;
    }
    let message = match status {
        StatusCode::REQUEST_TIMEOUT => format!(
            "the request took longer than the limit of {} s",
            config.timeout.as_secs_f64()
        ),
        StatusCode::PAYLOAD_TOO_LARGE => too_large(&config),
        _ => text(response.into_body(), status).await,
    };
    error(status, message)
}

fn too_large(config: &Config) -> String {
    format!(
        "the request body is larger than the limit of {} bytes",
        config.body_limit
    )
}

fn is_json(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"))
}

async fn text(body: Body, status: StatusCode) -> String {
    let reason = status.canonical_reason().unwrap_or("error").to_lowercase();
    match axum::body::to_bytes(body, 64 * 1024).await {
        Ok(bytes) if !bytes.is_empty() => String::from_utf8_lossy(&bytes).into_owned(),
        _ => reason,
    }
}
