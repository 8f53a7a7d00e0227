//! The client's resources: the toolkit catalogue, connected accounts, auth configs. Answers that
//! have a model are typed; the catalogue and auth configs come back as the npm package returns
//! them (camelCase `serde_json::Value`).

use super::convert::to_json;
use super::driver::Opts;
use super::models::{ConnectedAccount, ConnectedAccountList};
use super::{request_options, Composio, Error};
use crate::json::Json;
use serde_json::{Map, Value};
use std::time::Duration;

/// A request with one id argument and nothing to set but the call options.
macro_rules! by_id {
    ($(#[$doc:meta])* $name:ident, $row:literal, $out:ty) => {
        $(#[$doc])*
        #[derive(Clone, Debug)]
        #[must_use = "a request does nothing until `.send().await`"]
        pub struct $name {
            client: Composio,
            args: Vec<Json>,
            opts: Opts,
        }

        impl $name {
            /// Sends it.
            pub async fn send(self) -> Result<$out, Error> {
                self.client.call($row, self.args, &self.opts).await
            }
        }

        request_options!($name);
    };
}

fn request<T>(client: &Composio, args: Vec<Json>, make: fn(Composio, Vec<Json>, Opts) -> T) -> T {
    make(client.clone(), args, Opts::default())
}

/// A list request whose filters are camelCase members of one query object.
macro_rules! list_request {
    ($(#[$doc:meta])* $name:ident, $row:literal, $out:ty, { $($(#[$fdoc:meta])* $setter:ident: $key:literal as $kind:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Debug)]
        #[must_use = "a request does nothing until `.send().await`"]
        pub struct $name {
            client: Composio,
            query: Map<String, Value>,
            opts: Opts,
        }

        impl $name {
            $(
                $(#[$fdoc])*
                pub fn $setter(mut self, value: list_request!(@ty $kind)) -> Self {
                    self.query.insert($key.into(), list_request!(@val $kind value));
                    self
                }
            )*

            /// Fetches the page.
            pub async fn send(self) -> Result<$out, Error> {
                let args = vec![to_json(&Value::Object(self.query))];
                self.client.call($row, args, &self.opts).await
            }
        }

        request_options!($name);
    };
    (@ty str) => { impl Into<String> };
    (@ty bool) => { bool };
    (@ty u32) => { u32 };
    (@ty strs) => { Vec<String> };
    (@val str $v:ident) => { Value::String($v.into()) };
    (@val bool $v:ident) => { Value::Bool($v) };
    (@val u32 $v:ident) => { Value::from($v) };
    (@val strs $v:ident) => { Value::from($v) };
}

/// `composio.toolkits()`: the toolkit catalogue.
#[derive(Clone, Debug)]
pub struct Toolkits {
    pub(crate) client: Composio,
}

list_request!(
    /// `composio.toolkits().list()`: one page of the catalogue.
    ToolkitList, "toolkits.list", Value, {
        /// Only this category.
        category: "category" as str,
        /// `composio`, `all` or `project`.
        managed_by: "managedBy" as str,
        /// `usage` or `alphabetically`.
        sort_by: "sortBy" as str,
        /// The page after the one that returned this cursor.
        cursor: "cursor" as str,
        /// At most this many toolkits.
        limit: "limit" as u32,
    }
);

by_id!(
    /// `composio.toolkits().get(slug)`.
    ToolkitGet, "toolkits.get", Value
);
by_id!(
    /// `composio.toolkits().categories()`.
    ToolkitCategories, "toolkits.listCategories", Value
);

impl Toolkits {
    /// One page of the catalogue.
    pub fn list(&self) -> ToolkitList {
        ToolkitList {
            client: self.client.clone(),
            query: Map::new(),
            opts: Opts::default(),
        }
    }

    /// One toolkit, with its auth details.
    pub fn get(&self, slug: impl Into<String>) -> ToolkitGet {
        let args = vec![Json::Str(slug.into())];
        request(&self.client, args, |client, args, opts| ToolkitGet {
            client,
            args,
            opts,
        })
    }

    /// The catalogue's categories.
    pub fn categories(&self) -> ToolkitCategories {
        request(&self.client, vec![], |client, args, opts| {
            ToolkitCategories { client, args, opts }
        })
    }
}

/// `composio.connected_accounts()`.
#[derive(Clone, Debug)]
pub struct ConnectedAccounts {
    pub(crate) client: Composio,
}

list_request!(
    /// `composio.connected_accounts().list()`: one page of accounts.
    ConnectedAccountListRequest, "connectedAccounts.list", ConnectedAccountList, {
        /// Only these users' accounts.
        user_ids: "userIds" as strs,
        /// Only these toolkits' accounts.
        toolkit_slugs: "toolkitSlugs" as strs,
        /// Only accounts of these auth configs.
        auth_config_ids: "authConfigIds" as strs,
        /// Only accounts in these statuses (`ACTIVE`, `INITIATED`, …).
        statuses: "statuses" as strs,
        /// `created_at` or `updated_at`.
        order_by: "orderBy" as str,
        /// `PRIVATE`, `SHARED` or `ALL` (experimental).
        account_type: "accountType" as str,
        /// The page after the one that returned this cursor.
        cursor: "cursor" as str,
        /// At most this many accounts.
        limit: "limit" as u32,
    }
);

by_id!(
    /// `composio.connected_accounts().get(id)`.
    ConnectedAccountGet, "connectedAccounts.get", ConnectedAccount
);
by_id!(
    /// `composio.connected_accounts().delete(id)`: the API's answer (`{ success, … }`).
    ConnectedAccountDelete, "connectedAccounts.delete", Value
);
by_id!(
    /// `composio.connected_accounts().update_status(id, enabled)`: `{ success }`.
    ConnectedAccountStatus, "connectedAccounts.updateStatus", Value
);

impl ConnectedAccounts {
    /// One account.
    pub fn get(&self, id: impl Into<String>) -> ConnectedAccountGet {
        let args = vec![Json::Str(id.into())];
        request(&self.client, args, |client, args, opts| {
            ConnectedAccountGet { client, args, opts }
        })
    }

    /// One page of accounts.
    pub fn list(&self) -> ConnectedAccountListRequest {
        ConnectedAccountListRequest {
            client: self.client.clone(),
            query: Map::new(),
            opts: Opts::default(),
        }
    }

    /// Deletes an account.
    pub fn delete(&self, id: impl Into<String>) -> ConnectedAccountDelete {
        let args = vec![Json::Str(id.into())];
        request(&self.client, args, |client, args, opts| {
            ConnectedAccountDelete { client, args, opts }
        })
    }

    /// Enables or disables an account.
    pub fn update_status(&self, id: impl Into<String>, enabled: bool) -> ConnectedAccountStatus {
        let params = Json::object([("enabled", Some(Json::Bool(enabled)))]);
        let args = vec![Json::Str(id.into()), params];
        request(&self.client, args, |client, args, opts| {
            ConnectedAccountStatus { client, args, opts }
        })
    }

    /// Refreshes an account's credentials (or starts a new auth flow).
    pub fn refresh(&self, id: impl Into<String>) -> Refresh {
        Refresh {
            client: self.client.clone(),
            id: id.into(),
            options: Map::new(),
            opts: Opts::default(),
        }
    }

    /// Polls an account until it is ACTIVE, fails, or the timeout (default 60 s) passes.
    pub fn wait_for_connection(&self, id: impl Into<String>) -> WaitForConnection {
        WaitForConnection::new(self.client.clone(), id.into())
    }
}

/// `composio.connected_accounts().refresh(id)`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct Refresh {
    client: Composio,
    id: String,
    options: Map<String, Value>,
    opts: Opts,
}

impl Refresh {
    /// Where the user lands if a new auth flow starts.
    pub fn redirect_url(mut self, url: impl Into<String>) -> Self {
        self.options
            .insert("redirectUrl".into(), Value::String(url.into()));
        self
    }

    /// Checks the credentials while refreshing.
    pub fn validate_credentials(mut self, validate: bool) -> Self {
        self.options
            .insert("validateCredentials".into(), Value::Bool(validate));
        self
    }

    /// Refreshes; returns the API's answer (`{ id, redirect_url, status }`).
    pub async fn send(self) -> Result<Value, Error> {
        let args = vec![Json::Str(self.id), to_json(&Value::Object(self.options))];
        self.client
            .call("connectedAccounts.refresh", args, &self.opts)
            .await
    }
}

/// Waits for a connected account to become ACTIVE. Ends with [`Error::ConnectionFailed`],
/// [`Error::AccountNotFound`], [`Error::ConnectionTimeout`] when the deadline passes (whatever
/// the server does), or [`Error::Cancelled`] through `cancel_on`.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until `.send().await`"]
pub struct WaitForConnection {
    client: Composio,
    id: String,
    timeout: Option<Duration>,
    pub(crate) opts: Opts,
}

impl WaitForConnection {
    pub(crate) fn new(client: Composio, id: String) -> WaitForConnection {
        WaitForConnection {
            client,
            id,
            timeout: None,
            opts: Opts::default(),
        }
    }

    /// How long to keep polling (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Polls; returns the ACTIVE account.
    pub async fn send(self) -> Result<ConnectedAccount, Error> {
        let timeout = self
            .timeout
            .map_or(Json::Null, |t| Json::Num(t.as_millis() as f64));
        let args = vec![Json::Str(self.id), timeout];
        self.client
            .call("connectedAccounts.waitForConnection", args, &self.opts)
            .await
    }
}

request_options!(Refresh, WaitForConnection);

/// `composio.auth_configs()`.
#[derive(Clone, Debug)]
pub struct AuthConfigs {
    pub(crate) client: Composio,
}

list_request!(
    /// `composio.auth_configs().list()`: one page of auth configs.
    AuthConfigList, "authConfigs.list", Value, {
        /// Only this toolkit's.
        toolkit: "toolkit" as str,
        /// Only Composio-managed (`true`) or only your own (`false`).
        is_composio_managed: "isComposioManaged" as bool,
        /// Include disabled ones.
        show_disabled: "showDisabled" as bool,
        /// Matches the name.
        search: "search" as str,
        /// The page after the one that returned this cursor.
        cursor: "cursor" as str,
        /// At most this many.
        limit: "limit" as u32,
    }
);

by_id!(
    /// `composio.auth_configs().get(id)`.
    AuthConfigGet, "authConfigs.get", Value
);
by_id!(
    /// `composio.auth_configs().delete(id)`.
    AuthConfigDelete, "authConfigs.delete", Value
);
by_id!(
    /// `composio.auth_configs().enable(id)` / `.disable(id)`.
    AuthConfigStatus, "authConfigs.updateStatus", Value
);

impl AuthConfigs {
    /// One page of auth configs.
    pub fn list(&self) -> AuthConfigList {
        AuthConfigList {
            client: self.client.clone(),
            query: Map::new(),
            opts: Opts::default(),
        }
    }

    /// One auth config.
    pub fn get(&self, id: impl Into<String>) -> AuthConfigGet {
        let args = vec![Json::Str(id.into())];
        request(&self.client, args, |client, args, opts| AuthConfigGet {
            client,
            args,
            opts,
        })
    }

    /// Deletes an auth config.
    pub fn delete(&self, id: impl Into<String>) -> AuthConfigDelete {
        let args = vec![Json::Str(id.into())];
        request(&self.client, args, |client, args, opts| AuthConfigDelete {
            client,
            args,
            opts,
        })
    }

    /// Enables an auth config.
    pub fn enable(&self, id: impl Into<String>) -> AuthConfigStatus {
        self.status("ENABLED", id.into())
    }

    /// Disables an auth config.
    pub fn disable(&self, id: impl Into<String>) -> AuthConfigStatus {
        self.status("DISABLED", id.into())
    }

    fn status(&self, status: &str, id: String) -> AuthConfigStatus {
        let args = vec![Json::str(status), Json::Str(id)];
        request(&self.client, args, |client, args, opts| AuthConfigStatus {
            client,
            args,
            opts,
        })
    }
}
