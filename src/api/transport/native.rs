//! The native transport: reqwest (rustls) on tokio.

use super::{Failure, Request, Response};
use std::sync::Arc;
use std::time::Duration;

/// The HTTP client, shared by every call of a `Composio` (it pools connections).
pub(crate) type Http = reqwest::Client;

pub(crate) fn client() -> Http {
    reqwest::Client::new()
}

fn failure(e: reqwest::Error) -> Failure {
    if e.is_connect() {
        Failure::NotSent(Arc::new(e))
    } else {
        Failure::Network(Arc::new(e))
    }
}

/// Sends one request and reads the body, at most `max_bytes` of it (streamed: a larger or
/// endless answer is never held whole).
pub(crate) async fn send(
    http: &Http,
    req: Request<'_>,
    max_bytes: u64,
) -> Result<Response, Failure> {
    let method = reqwest::Method::from_bytes(req.method.as_bytes()).unwrap_or(reqwest::Method::GET);
    let mut builder = http.request(method, req.url);
    for (name, value) in req.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    if let Some(body) = req.body {
        builder = builder
            .header("content-type", "application/json")
            .body(body.to_string());
    }
    let mut res = builder.send().await.map_err(failure)?;
    let status = res.status().as_u16();
    let headers = res
        .headers()
        .iter()
        .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
        .collect();
    if res.content_length().is_some_and(|n| n > max_bytes) {
        return Err(Failure::TooLarge(status));
    }
    let mut body = Vec::new();
    while let Some(chunk) = res.chunk().await.map_err(failure)? {
        if (body.len() + chunk.len()) as u64 > max_bytes {
            return Err(Failure::TooLarge(status));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Response {
        status,
        headers,
        body,
    })
}

/// Waits `d`.
pub(crate) async fn sleep(d: Duration) {
    tokio::time::sleep(d).await
}
