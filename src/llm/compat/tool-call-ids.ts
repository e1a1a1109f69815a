/**
 * Ids for tool calls that arrive without one (some Ollama and llama.cpp versions; BerriAI/litellm#24095 had to patch
 * the same). An id is made once, never changes afterwards (it is stored in the history, echoed back with the tool
 * result and bound into the approval), and is unique for the life of the model: a random 9-character alphanumeric
 * string, the one format every chat template accepts (Mistral's templates reject anything else).
 */
import { randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

export interface ToolCallIds {
  /** The server's id when it is a non-empty string not used before in this response, else a fresh one. */
  assign(given: unknown, usedInResponse: Set<string>): string;
}

export function createToolCallIds(random: (n: number) => Uint8Array = randomBytes): ToolCallIds {
  const issued = new Set<string>();
  const fresh = (): string => {
    for (;;) {
      const id = Array.from(random(9), (b) => ALPHABET[b % ALPHABET.length]).join('');
      if (!issued.has(id)) {
        issued.add(id);
        return id;
      }
    }
  };
  return {
    assign(given, used) {
      const id = typeof given === 'string' && given.trim() !== '' && !used.has(given) ? given : fresh();
      used.add(id);
      return id;
    },
  };
}
