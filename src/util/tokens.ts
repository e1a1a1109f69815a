/**
 * Token counting with tiktoken's o200k_base (the GPT-4o / GPT-4.1 / GPT-5 family encoding). One encoder per
 * process, created on first use: creating one costs ~0.4 s and ~100 MB, and encoders must be freed, so we never
 * create more than one.
 */
import { get_encoding, type Tiktoken } from 'tiktoken';

let encoder: Tiktoken | undefined;
let calls = 0;

/** How many times the tokenizer has run in this process (benchmarks and tests count it). */
export function tokenizerCalls(): number {
  return calls;
}

/** Number of o200k_base tokens in `text`. Special-token text such as `<|endoftext|>` (it can sit in user data) counts as plain text instead of throwing. */
export function countTokens(text: string): number {
  encoder ??= get_encoding('o200k_base');
  calls++;
  return encoder.encode_ordinary(text).length;
}
