/**
 * The file-system calls persistence makes, as an injectable dependency: tests pass a copy of `node:fs` with one
 * call replaced (a write that fails with ENOSPC, an fsync that fails with EIO) to prove a failed save is never
 * acknowledged and never damages what is on disk.
 */
import * as fs from 'node:fs';

export type FsPort = Pick<
  typeof fs,
  | 'closeSync'
  | 'existsSync'
  | 'fsyncSync'
  | 'ftruncateSync'
  | 'mkdirSync'
  | 'openSync'
  | 'readdirSync'
  | 'readFileSync'
  | 'readSync'
  | 'renameSync'
  | 'rmSync'
  | 'statSync'
  | 'writeSync'
  | 'write'
  | 'fdatasync'
  | 'ftruncate'
>;

/** The real file system. */
export const nodeFs: FsPort = fs;

/** Write all of `data` at the file's current position; a short write is retried, a write of 0 bytes is an error. */
export function writeAllSync(port: FsPort, fd: number, data: Buffer): void {
  let done = 0;
  while (done < data.length) {
    const n = port.writeSync(fd, data, done, data.length - done);
    if (n <= 0) throw Object.assign(new Error('short write: the disk accepted no more bytes'), { code: 'ENOSPC' });
    done += n;
  }
}

/** fsync a directory so a rename or a new file in it survives a crash (not possible on every platform). */
export function fsyncDir(port: FsPort, dir: string): void {
  let fd: number;
  try {
    fd = port.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    port.fsyncSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  } finally {
    port.closeSync(fd);
  }
}

/** Call `onLine` for every complete line of `file` (read in chunks, so a large file never becomes one string). */
export function readLines(
  port: FsPort,
  file: string,
  onLine: (line: string, endOffset: number) => void,
): { completeBytes: number; tail: string } {
  const fd = port.openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(4 * 1024 * 1024);
  let carry = Buffer.alloc(0);
  let offset = 0;
  try {
    for (;;) {
      const n = port.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      let buf = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
        offset += nl + 1 - start;
        onLine(buf.toString('utf8', start, nl), offset);
        start = nl + 1;
      }
      buf = buf.subarray(start);
      carry = Buffer.from(buf);
    }
  } finally {
    port.closeSync(fd);
  }
  return { completeBytes: offset, tail: carry.toString('utf8') };
}
