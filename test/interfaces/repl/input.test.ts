import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createStreamLineSource } from '../../../src/interfaces/repl/input.js';
import { createLinePrompter, createTtyPrompter } from '../../../src/interfaces/repl/prompt.js';

describe('piped line source', () => {
  it('gives lines in order, echoes them after the prompt, then null forever after EOF', async () => {
    let written = '';
    const lines = createStreamLineSource(
      Readable.from(['one\ntwo\r\n', 'three']),
      { write: (t: string) => (written += t) },
      { echo: true },
    );
    expect(await lines.read('> ')).toBe('one');
    expect(await lines.read('> ')).toBe('two');
    expect(await lines.read('> ')).toBe('three');
    expect(await lines.read('> ')).toBeNull();
    expect(lines.ended).toBe(true);
    expect(await lines.read('> ')).toBeNull(); // a second read after EOF must not hang
    expect(written).toBe('> one\n> two\n> three\n> \n> \n');
  });

  it('waits for lines that arrive later, and an abort resolves a pending read with null', async () => {
    const stream = new PassThrough();
    const lines = createStreamLineSource(stream, { write: () => true });
    const first = lines.read('');
    stream.write('late\n');
    expect(await first).toBe('late');
    const controller = new AbortController();
    const second = lines.read('', controller.signal);
    controller.abort();
    expect(await second).toBeNull();
    stream.write('still here\n'); // the aborted read did not swallow the next line
    expect(await lines.read('')).toBe('still here');
    stream.end();
    expect(await lines.read('')).toBeNull();
  });

  it('an endless pipe is read only as fast as the REPL asks (the queue does not grow without bound)', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        // Ends after 200,000 lines so that the unbounded reader this guards against fails the test, not the worker.
        if (produced >= 200_000) return void this.push(null);
        produced += 100;
        this.push('a\n'.repeat(100));
      },
    });
    const lines = createStreamLineSource(endless, { write: () => true });
    expect(await lines.read('')).toBe('a');
    for (let i = 0; i < 200; i++) await new Promise((r) => setImmediate(r));
    // Paused once 256 lines wait: what was read ahead is bounded by the queue plus the stream's own buffer.
    expect(produced).toBeLessThan(50_000);
    for (let i = 0; i < 1000; i++) expect(await lines.read('')).toBe('a'); // reading on resumes the input
    endless.destroy();
    lines.close();
  });

  it('the line prompter answers from the same queue', async () => {
    const lines = createStreamLineSource(Readable.from(['ban jane\ny\n']), { write: () => true });
    const prompter = createLinePrompter(lines);
    expect(await lines.read('')).toBe('ban jane');
    expect(await prompter.ask('ok? ')).toBe('y');
    expect(await prompter.ask('ok? ')).toBeNull();
  });
});

describe('tty prompter (readline-sync backend)', () => {
  it('returns what the terminal answered', async () => {
    expect(await createTtyPrompter({ question: () => 'y' }).ask('ok? ')).toBe('y');
  });

  it('a throw (no terminal) is no answer', async () => {
    const prompter = createTtyPrompter({
      question: () => {
        throw new Error("The current environment doesn't support interactive reading from TTY.");
      },
    });
    expect(await prompter.ask('ok? ')).toBeNull();
  });

  it('a Ctrl-C that lands during the blocking read wins over the typed answer', async () => {
    const controller = new AbortController();
    const prompter = createTtyPrompter({
      question: () => {
        setImmediate(() => controller.abort()); // the SIGINT handler runs once the loop turns again
        return 'y';
      },
    });
    expect(await prompter.ask('ok? ', controller.signal)).toBeNull();
  });
});
