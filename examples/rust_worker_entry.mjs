// The entry module of the Rust worker (examples/rust_worker.rs) in workerd: what workers-rs'
// `worker-build` generates, by hand. It instantiates the wasm module the runtime compiled and
// hands each request, with the worker's env and context, to the `#[event(fetch)]` function.
import * as glue from './rust_worker.js';
import wasm from './rust_worker_bg.wasm';

glue.initSync({ module: wasm });

export default {
  fetch: (request, env, ctx) => glue.fetch(request, env, ctx),
};
