import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** A regular file's text, refused beyond `limit` bytes without reading more than that. */
export function readBounded(path: string, limit: number): string {
  // Non-blocking: a pipe in the file's place must not hang the read; it is no regular file.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const entry = fstatSync(fd);
    if (!entry.isFile()) throw new Error('not a regular file');
    if (entry.size > limit) throw new Error(`larger than ${limit / 1024 / 1024} MB`);
    const buffer = Buffer.alloc(Math.min(entry.size, limit) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) throw new Error(`larger than ${limit / 1024 / 1024} MB`);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
