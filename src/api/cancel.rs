//! `CancelHandle`: stops the calls it is given to, from anywhere (another task, a UI event).

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};

#[derive(Default)]
struct Shared {
    cancelled: AtomicBool,
    waiters: Mutex<Vec<Waker>>,
}

/// Cancels the calls it was passed to (`.cancel_on(&handle)` on any request builder). Clones
/// share one state; once cancelled it stays cancelled, and a call that sees it ends at once with
/// [`Error::Cancelled`](crate::Error::Cancelled), dropping the request in flight.
///
/// ```
/// let handle = composio_wasm::CancelHandle::new();
/// let for_ui = handle.clone();
/// for_ui.cancel();
/// assert!(handle.is_cancelled());
/// ```
#[derive(Clone, Default)]
pub struct CancelHandle(Arc<Shared>);

impl std::fmt::Debug for CancelHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CancelHandle")
            .field("cancelled", &self.is_cancelled())
            .finish()
    }
}

impl CancelHandle {
    /// A handle not yet cancelled.
    pub fn new() -> CancelHandle {
        CancelHandle::default()
    }

    /// Cancels every call using this handle (now and later).
    pub fn cancel(&self) {
        self.0.cancelled.store(true, Ordering::SeqCst);
        let waiters =
            std::mem::take(&mut *self.0.waiters.lock().unwrap_or_else(|p| p.into_inner()));
        for w in waiters {
            w.wake();
        }
    }

    /// Whether `cancel` was called.
    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.load(Ordering::SeqCst)
    }

    /// Resolves once the handle is cancelled.
    pub(crate) fn cancelled(&self) -> Cancelled<'_> {
        Cancelled(self)
    }
}

/// The future of [`CancelHandle::cancelled`].
pub(crate) struct Cancelled<'a>(&'a CancelHandle);

impl Future for Cancelled<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let shared = &self.0 .0;
        if shared.cancelled.load(Ordering::SeqCst) {
            return Poll::Ready(());
        }
        let mut waiters = shared.waiters.lock().unwrap_or_else(|p| p.into_inner());
        // Checked again under the lock: `cancel` may have drained the list just before.
        if shared.cancelled.load(Ordering::SeqCst) {
            return Poll::Ready(());
        }
        if !waiters.iter().any(|w| w.will_wake(cx.waker())) {
            waiters.push(cx.waker().clone());
        }
        Poll::Pending
    }
}
