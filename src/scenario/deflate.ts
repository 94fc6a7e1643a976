/**
 * Raw DEFLATE (RFC 1951) for share links: the platform's CompressionStream where it exists, else fflate,
 * loaded only then. Inflating stops with an error once the output passes `maxBytes`, so a small hostile link
 * cannot expand into gigabytes.
 */
export interface DeflateCodec {
  deflate(bytes: Uint8Array): Promise<Uint8Array>;
  inflate(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array>;
}

export class InflatedTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`it expands to more than ${maxBytes.toLocaleString('en-US')} bytes`);
  }
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function pipeThrough(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Errors surface on the reader; the writer's promises are left to settle on their own.
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new InflatedTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

export const platformCodec: DeflateCodec = {
  deflate: (bytes) => pipeThrough(bytes, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER),
  inflate: (bytes, maxBytes) => pipeThrough(bytes, new DecompressionStream('deflate-raw'), maxBytes),
};

export const fflateCodec: DeflateCodec = {
  async deflate(bytes) {
    const { deflateSync } = await import('fflate');
    return deflateSync(bytes, { level: 9 });
  },
  async inflate(bytes, maxBytes) {
    const { Inflate } = await import('fflate');
    const chunks: Uint8Array[] = [];
    let total = 0;
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > maxBytes) throw new InflatedTooLarge(maxBytes);
      chunks.push(chunk);
      if (final) ended = true;
    });
    inflater.push(bytes, true);
    if (!ended) throw new Error('unexpected end of compressed data');
    return concat(chunks, total);
  },
};

export function defaultCodec(): DeflateCodec {
  return typeof CompressionStream === 'function' && typeof DecompressionStream === 'function' ? platformCodec : fflateCodec;
}
