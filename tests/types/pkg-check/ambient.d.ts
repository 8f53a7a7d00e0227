// What the runtime entries import that the browser lib does not declare, as each runtime
// provides it: the wasm file as a module (workerd, Vercel Edge) and Node's fs (node.js, which
// Deno and Bun also load). Only for type-checking pkg/ (../pkg-check.json).
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
declare module '*.wasm?module' {
  const module: WebAssembly.Module;
  export default module;
}
declare module 'node:fs' {
  export function readFileSync(path: URL | string): Uint8Array<ArrayBuffer>;
}
declare module 'node:fs/promises' {
  export function readFile(path: string): Promise<Uint8Array>;
  export function writeFile(path: string, data: Uint8Array, options?: { flag?: string }): Promise<void>;
}
