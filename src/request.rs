//! One API request as the operations describe it: method, path, query, JSON body, and whether
//! repeating it is harmless (which the retry policy needs).

use crate::client_config::join_url;
use crate::json::Json;
use crate::retry::Safety;

/// An HTTP method of the API.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Method {
    Get,
    Post,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// One API request: method, path (already percent-encoded), query string, JSON body.
pub struct ApiRequest {
    pub method: Method,
    pub path: String,
    /// Without the leading `?`; empty for none.
    pub query: String,
    pub body: Option<Json>,
    /// Whether repeating the request is harmless. A `GET` is; a `POST` that only reads
    /// (search, a download URL) is marked with `reads_only()`.
    pub safety: Safety,
}

impl ApiRequest {
    pub fn new(method: Method, path: String) -> ApiRequest {
        let safety = if method == Method::Get {
            Safety::Idempotent
        } else {
            Safety::SideEffect
        };
        ApiRequest {
            method,
            path,
            query: String::new(),
            body: None,
            safety,
        }
    }

    /// Marks a `POST` that changes nothing on the server, so it may be retried like a `GET`.
    pub fn reads_only(mut self) -> ApiRequest {
        self.safety = Safety::Idempotent;
        self
    }

    pub fn body(mut self, body: Json) -> ApiRequest {
        self.body = Some(body);
        self
    }

    pub fn query(mut self, query: String) -> ApiRequest {
        self.query = query;
        self
    }

    /// The full URL on `base`: path, then `?query` when there is one.
    pub fn url(&self, base: &str) -> String {
        let mut url = join_url(base, &self.path);
        if !self.query.is_empty() {
            url.push('?');
            url.push_str(&self.query);
        }
        url
    }
}
