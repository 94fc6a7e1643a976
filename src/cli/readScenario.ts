import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { LIMITS, megabytes, parseScenarioText } from '../scenario/index.ts';

/**
 * Reads and parses a scenario file. A regular file over LIMITS.textBytes is refused from its size before
 * anything is read; a pipe or device, whose size is unknown, is read only up to one byte past the limit.
 */
export function readScenario(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const limit = LIMITS.textBytes;
  const tooBig = (size: string) => ({ ok: false as const, message: `${file}: the file is ${size}; a scenario may be at most ${megabytes(limit)}` });
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size > limit) return tooBig(`${megabytes(size)} (not read)`);
    const read = readAtMost(fd, limit + 1);
    if (read === undefined) return tooBig(`over ${megabytes(limit)} (read up to the limit)`);
    bytes = read;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message);
    return { ok: false, message: `${file}: cannot read the scenario: ${why}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  const parsed = parseScenarioText(bytes.toString('utf8'));
  return parsed.ok ? parsed : { ok: false, message: `${file}: ${parsed.message}` };
}

/** The whole content if it is shorter than `max` bytes, else undefined (having read at most `max`). */
function readAtMost(fd: number, max: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, max - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, n));
    total += n;
    if (total >= max) return undefined;
  }
}
