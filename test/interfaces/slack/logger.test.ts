/** Bolt's log lines pass the scrubber: tokens, keys and the configured secrets never reach the sink. */
import { describe, expect, it } from 'vitest';
import { createSlackLogger } from '../../../src/interfaces/slack/logger.js';

describe('slack logger', () => {
  it('scrubs Slack tokens, Clerk keys and configured secrets from every level', () => {
    const lines: string[] = [];
    const signing = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
    const logger = createSlackLogger((l) => lines.push(l), { secrets: [signing] });
    logger.warn('token xoxb-123-456-abcdef failed', { appToken: 'xapp-1-A1-zzz' });
    logger.error(new Error(`bad signature with ${signing}`));
    logger.warn('key sk_live_abcdefghijklmnop');
    logger.debug('not shown at the default level');
    const text = lines.join('\n');
    expect(lines).toHaveLength(3);
    for (const secret of ['xoxb-123-456-abcdef', 'xapp-1-A1-zzz', signing, 'sk_live_abcdefghijklmnop'])
      expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('scrubs model API keys and Bearer tokens too (the shared redaction)', () => {
    const lines: string[] = [];
    const logger = createSlackLogger((l) => lines.push(l));
    logger.error('model refused key sk-proj-abcdefghijklmnopqrstuvwx with Bearer abc.def.ghi');
    const text = lines.join('\n');
    expect(text).not.toContain('sk-proj-abcdefghijklmnopqrstuvwx');
    expect(text).not.toContain('abc.def.ghi');
  });
});
