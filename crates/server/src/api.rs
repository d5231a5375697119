//! The JSON API: checking an article, describing the data, and the API's own description.

use std::sync::Arc;

use axum::Json;
use axum::extract::State as Extract;
use axum::extract::rejection::JsonRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use report::article::ArticleJson;

use crate::State;
use crate::errors::ApiError;

/// The OpenAPI description, written by hand and held to the router by a test.
pub(crate) const OPENAPI: &str = include_str!("../assets/openapi.json");

/// `POST /api/check`: the JSON report of the article in the body.
pub(crate) async fn check(
    Extract(app): Extract<State>,
    body: Result<Json<ArticleJson>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(article) = body.map_err(|r| ApiError::from_rejection(r, &app.config))?;
    let permit = Arc::clone(&app.permits)
        .acquire_owned()
        .await
        .map_err(ApiError::internal)?;
    let work = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let checks = article
            .check(&app.checker, "request", "request", None)
            .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
        serde_json::to_string(&checks.json()).map_err(ApiError::internal)
    });
    let json = work.await.map_err(ApiError::internal)??;
    Ok(json_response(json))
}

/// `GET /api/datasets`: the data the checker holds.
pub(crate) async fn datasets(Extract(app): Extract<State>) -> Json<report::DataInfo> {
    Json(report::DataInfo::new(&app.checker))
}

/// `GET /api/openapi.json`.
pub(crate) async fn openapi() -> Response {
    json_response(OPENAPI.to_string())
}

fn json_response(json: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], json).into_response()
}
