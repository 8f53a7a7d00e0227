// Hostile answers scripted by a fault spec: a body of exactly N bytes streamed as the socket
// drains (never held in memory whole, so a 64 MiB answer costs the emulator 64 KiB), a drip that
// sends a byte now and then and never ends, and exact bytes (e.g. invalid UTF-8), whole or one
// byte per chunk. Every answer stops writing as soon as the client goes away, so a client that
// gives up leaves nothing behind.

const PIECE = Buffer.alloc(64 * 1024, 'x');
// `bodyBytes` answers are an execute result, `{data: {filler: "xxx…"}, error: null, log_id}`,
// so a client that reads one whole gets a valid response.
const PREFIX = Buffer.from('{"data":{"filler":"');
const SUFFIX = Buffer.from('"},"error":null,"log_id":"log_filler"}');

/** The smallest `bodyBytes` (the JSON around the filler). */
export const MIN_BODY_BYTES = PREFIX.length + SUFFIX.length;

/** Whether a fault spec scripts one of the answers below. */
export const isHostile = fault => fault.bodyBytes !== undefined || fault.drip !== undefined || fault.bodyBase64 !== undefined;

/** Checks the hostile options of a fault spec; throws a message for a bad one. */
export function checkHostile(fault) {
  const { bodyBytes, drip, bodyBase64, hang } = fault ?? {};
  if (bodyBytes !== undefined && !(Number.isSafeInteger(bodyBytes) && bodyBytes >= MIN_BODY_BYTES)) {
    throw new Error(`fault.bodyBytes must be an integer of at least ${MIN_BODY_BYTES}`);
  }
  if ([bodyBytes, drip, bodyBase64, hang].filter(v => v !== undefined).length > 1) {
    throw new Error('fault: bodyBytes, drip, bodyBase64 and hang exclude each other');
  }
  if (drip !== undefined && (drip === null || typeof drip !== 'object')) throw new Error('fault.drip must be an object');
  if (bodyBase64 !== undefined && typeof bodyBase64 !== 'string') throw new Error('fault.bodyBase64 must be a string');
}

/** Resolves `true` when `res` takes more bytes, `false` once it is closed. */
function drained(res) {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise(resolve => {
    const done = ok => () => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/** Writes `bytes` bytes of filler, piece by piece, honouring backpressure. */
async function writeFiller(res, bytes, progress) {
  let left = bytes;
  while (left > 0) {
    if (res.destroyed) return false;
    const piece = left >= PIECE.length ? PIECE : PIECE.subarray(0, left);
    left -= piece.length;
    progress.bytes += piece.length;
    if (!res.write(piece) && !(await drained(res))) return false;
  }
  return true;
}

/**
 * Answers `res` as the fault scripts it. `progress` (`{bytes, complete}`) is updated as bytes
 * are handed to the socket; `complete` turns true when the whole answer was written.
 */
export async function answerHostile(res, fault, headers, progress) {
  const status = fault.status ?? 200;
  const head = { 'content-type': 'application/json', ...headers };
  if (fault.bodyBase64 !== undefined) {
    const bytes = Buffer.from(fault.bodyBase64, 'base64');
    if (!fault.chunked) {
      res.writeHead(status, { ...head, 'content-length': String(bytes.length) });
      progress.bytes = bytes.length;
      res.end(bytes, () => (progress.complete = true));
      return;
    }
    // One byte per chunk, a moment apart, so that multi-byte UTF-8 sequences (valid or not)
    // reach the client split across reads.
    res.writeHead(status, head);
    for (const byte of bytes) {
      if (res.destroyed) return;
      res.write(Buffer.of(byte));
      progress.bytes += 1;
      await new Promise(r => setTimeout(r, 1));
    }
    res.end(() => (progress.complete = true));
    return;
  }
  if (fault.drip !== undefined) {
    // Headers at once, then `chunk` every `intervalMs`, forever: only the client can end it.
    const { intervalMs = 50, chunk = ' ' } = fault.drip;
    res.writeHead(status, head);
    res.flushHeaders();
    const timer = setInterval(() => {
      if (res.destroyed) return;
      progress.bytes += Buffer.byteLength(chunk);
      res.write(chunk);
    }, intervalMs);
    res.once('close', () => clearInterval(timer));
    return;
  }
  const total = fault.bodyBytes;
  res.writeHead(status, fault.chunked ? head : { ...head, 'content-length': String(total) });
  res.write(PREFIX);
  progress.bytes += PREFIX.length;
  if (!(await writeFiller(res, total - MIN_BODY_BYTES, progress))) return;
  progress.bytes += SUFFIX.length;
  res.end(SUFFIX, () => (progress.complete = true));
}
