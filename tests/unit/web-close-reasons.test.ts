import { describe, expect, test } from 'vitest';
import { CloseCode } from '../../server/shared/collab-protocol';
import { describeClose } from '../../web/src/lib/collab/close-reasons';

describe('close codes in words', () => {
  test('every refusal the server sends is told in a sentence, permanent ones marked so', () => {
    for (const code of [CloseCode.malformed, CloseCode.unauthorized, CloseCode.forbidden, CloseCode.notFound, CloseCode.tooLarge]) {
      const problem = describeClose(code)!;
      expect(problem.permanent).toBe(true);
      expect(problem.message.length).toBeGreaterThan(20);
    }
    for (const code of [CloseCode.unavailable, CloseCode.slowConsumer, CloseCode.goingAway]) {
      expect(describeClose(code)).toMatchObject({ permanent: false });
    }
  });

  test('a lost document or permission, and being signed out, say so', () => {
    expect(describeClose(CloseCode.notFound)!.message).toBe('This document no longer exists or you lost access to it.');
    expect(describeClose(CloseCode.unauthorized)).toMatchObject({ signedOut: true, message: expect.stringContaining('signed out') });
    expect(describeClose(CloseCode.forbidden)!.message).toContain('no longer have access');
  });

  test('an unknown 44xx is permanent with a general sentence; an ordinary close is no problem', () => {
    expect(describeClose(4429)).toMatchObject({ permanent: true, message: expect.stringContaining('Reload') });
    expect(describeClose(1006)).toBeNull();
    expect(describeClose(1000)).toBeNull();
  });
});
