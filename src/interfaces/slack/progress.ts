/**
 * Progress shows by editing one status message in the thread, not by posting a message per step. Updates are
 * coalesced: while one chat.update is in flight only the latest text waits, so a fast run costs few API calls.
 */
export interface StatusMessage {
  /** Shows `text` soon (the latest text wins). */
  set(text: string): void;
  /** Writes the final text (and blocks) after any update in flight. */
  finish(text: string, blocks?: unknown[]): Promise<void>;
}

export function createStatusMessage(update: (text: string, blocks?: unknown[]) => Promise<unknown>): StatusMessage {
  let next: string | undefined;
  let running: Promise<void> | undefined;
  let finished = false;
  const loop = async () => {
    while (next !== undefined && !finished) {
      const text = next;
      next = undefined;
      await update(text).catch(() => undefined);
    }
    running = undefined;
  };
  return {
    set(text) {
      if (finished) return;
      next = text;
      running ??= loop();
    },
    async finish(text, blocks) {
      finished = true;
      next = undefined;
      await running;
      await update(text, blocks);
    },
  };
}
