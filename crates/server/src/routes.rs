//! Every route, as data: the router is built from this list, and a test holds the OpenAPI
//! description (`assets/openapi.json`) to it, so that the two cannot drift apart.

use axum::handler::Handler;
use axum::routing::{self, MethodRouter};

use crate::{State, api, page};

/// One route: a method on a path.
#[derive(Debug)]
pub struct Route {
    /// Lower case, as OpenAPI spells it: `get`, `post`.
    pub method: &'static str,
    pub path: &'static str,
    pub(crate) handler: MethodRouter<State>,
}

impl Route {
    fn get<H: Handler<T, State>, T: 'static>(path: &'static str, handler: H) -> Route {
        Route {
            method: "get",
            path,
            handler: routing::get(handler),
        }
    }

    fn post<H: Handler<T, State>, T: 'static>(path: &'static str, handler: H) -> Route {
        Route {
            method: "post",
            path,
            handler: routing::post(handler),
        }
    }
}

/// Every route the server answers.
pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/", page::index),
        Route::get("/app.js", page::script),
        Route::get("/style.css", page::style),
        Route::post("/api/check", api::check),
        Route::get("/api/datasets", api::datasets),
        Route::get("/api/openapi.json", api::openapi),
    ]
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn documented() -> BTreeSet<(String, String)> {
        let doc: serde_json::Value = serde_json::from_str(api::OPENAPI).unwrap();
        assert_eq!(doc["openapi"].as_str().map(|v| &v[..2]), Some("3."));
        let paths = doc["paths"].as_object().expect("the description has paths");
        paths
            .iter()
            .flat_map(|(path, item)| {
                let methods = item.as_object().expect("a path item is an object");
                methods.keys().map(|m| (m.clone(), path.clone()))
            })
            .collect()
    }

    #[test]
    fn every_route_is_in_the_openapi_description_and_nothing_else() {
        let served: BTreeSet<(String, String)> = routes()
            .iter()
            .map(|r| (r.method.to_string(), r.path.to_string()))
            .collect();
        assert_eq!(served, documented());
    }
}
