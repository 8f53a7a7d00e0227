// `composio-wasm/composio_wasm_bg.wasm`: the raw module, for hosts that load wasm themselves with
// `composio-wasm/slim`. What importing it gives depends on the tool: a URL string (esbuild's file
// loader, Vite's `?url`) or a compiled WebAssembly.Module (wrangler; Vercel's `?module`). Both go
// to `initWasm()` as they are.
declare const wasm: WebAssembly.Module | string;
export default wasm;
