//! `session.experimental.files`: the mount endpoints' queries, bodies and responses
//! (spec B5.10, A7.14). The byte transfer to and from presigned URLs happens in JS.

use crate::json::Json;
use crate::query::{query_string, QueryValue};
use crate::shape::{map_items, pick, At, Field, Kind, Shaped};
use crate::validate::{Checker, Invalid, Path};

pub const DEFAULT_MOUNT: &str = "files";

/// The `mountId` option (default `files`), validated.
pub fn mount_id(c: &mut Checker, options: &Json) -> String {
    match options.get("mountId") {
        None | Some(Json::Null) => DEFAULT_MOUNT.to_string(),
        Some(v) => c
            .string(v, Path::root("mountId"))
            .unwrap_or_else(|| DEFAULT_MOUNT.to_string()),
    }
}

fn options_object<'a>(c: &mut Checker, options: &'a Json, expected: &str) -> &'a Json {
    static EMPTY: Json = Json::Obj(Vec::new());
    c.options(options, Path::root("options"), expected)
        .unwrap_or(&EMPTY)
}

/// `list({ path?, mountId?, cursor?, limit? })` → `(mountId, query)`. `''` and `'/'` mean no
/// prefix; otherwise one leading `/` is dropped.
pub fn list_query(options: &Json) -> Result<(String, String), Invalid> {
    let mut c = Checker::default();
    let options = options_object(&mut c, options, "{ path?, mountId?, cursor?, limit? }");
    let mount = mount_id(&mut c, options);
    let path = options
        .get("path")
        .and_then(|p| c.string(p, Path::root("path")))
        .filter(|p| !p.is_empty() && p != "/")
        .map(|p| p.strip_prefix('/').map(str::to_string).unwrap_or(p));
    let cursor = options
        .get("cursor")
        .and_then(|v| c.string(v, Path::root("cursor")));
    let limit = options.get("limit").and_then(|v| {
        c.integer(
            v,
            Path::root("limit"),
            (1.0, 500.0),
            "an integer from 1 to 500",
        )
        .map(|n| n as i64)
    });
    let query = query_string(&[
        ("mount_relative_prefix", path.map(QueryValue::Str)),
        ("cursor", cursor.map(QueryValue::Str)),
        ("limit", limit.map(QueryValue::Int)),
    ]);
    c.finish((mount, query))
}

pub fn list_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a file list object")?;
    let items = map_items(&at, "items", true, |item| {
        pick(
            item,
            &[
                Field("last_modified", "lastModified", true, Kind::Str),
                Field("mount_relative_path", "mountRelativePath", true, Kind::Str),
                Field(
                    "sandbox_mount_prefix",
                    "sandboxMountPrefix",
                    true,
                    Kind::Str,
                ),
                Field("size", "size", true, Kind::Num),
            ],
        )
    })?;
    Ok(Json::object([
        ("items", items),
        ("nextCursor", at.opt_str("next_cursor")?.map(Json::str)),
    ]))
}

/// A `{ mount_relative_path, … }` body for `path` (sent as given), with the mount id.
pub fn path_body(path: &Json, options: &Json) -> Result<(String, Json), Invalid> {
    let mut c = Checker::default();
    let options = options_object(&mut c, options, "{ mountId? }");
    let mount = mount_id(&mut c, options);
    let path = c.non_empty_string(path, "remotePath");
    let mut body = Json::object([("mount_relative_path", path.map(Json::Str))]);
    if let Some(m) = options.get("mimetype") {
        if let Some(m) = c.string(m, Path::root("mimetype")) {
            body.set("mimetype", Json::Str(m));
        }
    }
    c.finish((mount, body))
}

/// `download_url` response → the `RemoteFile` fields.
pub fn remote_file(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a download URL object")?;
    pick(
        &at,
        &[
            Field("expires_at", "expiresAt", true, Kind::Str),
            Field("mount_relative_path", "mountRelativePath", true, Kind::Str),
            Field(
                "sandbox_mount_prefix",
                "sandboxMountPrefix",
                true,
                Kind::Str,
            ),
            Field("download_url", "downloadUrl", true, Kind::Str),
        ],
    )
}

/// `upload_url` response → `{ uploadUrl, mountRelativePath }`.
pub fn upload_target(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "an upload URL object")?;
    pick(
        &at,
        &[
            Field("upload_url", "uploadUrl", true, Kind::Str),
            Field("mount_relative_path", "mountRelativePath", true, Kind::Str),
        ],
    )
}

/// `delete` response → `{ mountRelativePath, sandboxMountPrefix }`.
pub fn delete_result(body: &Json) -> Shaped<Json> {
    let at = At::root(body, "a file delete object")?;
    pick(
        &at,
        &[
            Field("mount_relative_path", "mountRelativePath", true, Kind::Str),
            Field(
                "sandbox_mount_prefix",
                "sandboxMountPrefix",
                true,
                Kind::Str,
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::j;

    #[test]
    fn list_strips_one_leading_slash() {
        assert_eq!(
            list_query(&j!({"path": "/docs/a", "limit": 10})).unwrap(),
            (
                "files".into(),
                "mount_relative_prefix=docs%2Fa&limit=10".into()
            )
        );
        assert_eq!(
            list_query(&j!({"path": "/", "mountId": "m"})).unwrap(),
            ("m".into(), "".into())
        );
        assert_eq!(
            list_query(&j!({"limit": 501})).unwrap_err().message(),
            "limit: expected an integer from 1 to 500, got a number"
        );
    }

    #[test]
    fn paths_are_sent_as_given() {
        assert_eq!(
            path_body(&j!("/a.txt"), &Json::Null).unwrap(),
            ("files".into(), j!({"mount_relative_path": "/a.txt"}))
        );
    }

    #[test]
    fn responses_map_to_camel_case() {
        assert_eq!(
            list_result(
                &j!({"items": [{"last_modified": "t", "mount_relative_path": "a.txt",
                "sandbox_mount_prefix": "/mnt/files", "size": 3}], "next_cursor": "n"})
            )
            .unwrap(),
            j!({"items": [{"lastModified": "t", "mountRelativePath": "a.txt",
                "sandboxMountPrefix": "/mnt/files", "size": 3}], "nextCursor": "n"})
        );
        assert_eq!(
            remote_file(&j!({"download_url": "u", "expires_at": "e",
                "mount_relative_path": "a", "sandbox_mount_prefix": "/mnt/files"}))
            .unwrap(),
            j!({"expiresAt": "e", "mountRelativePath": "a", "sandboxMountPrefix": "/mnt/files", "downloadUrl": "u"})
        );
        assert_eq!(
            delete_result(&j!({"mount_relative_path": "a"}))
                .unwrap_err()
                .0,
            "missing `sandbox_mount_prefix`"
        );
    }
}
