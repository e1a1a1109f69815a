/** The sandbox state on disk cannot be used; the message names the file and how to recover. */
export class SandboxStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxStateError';
  }
}
