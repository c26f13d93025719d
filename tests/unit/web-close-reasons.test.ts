import { describe, expect, test } from 'vitest';
import { CloseCode } from '../../server/shared/collab-protocol';
import { describeClose, isPermanentClose } from '../../web/src/lib/collab/close-reasons';

describe('close codes in words', () => {
  test('every refusal the server sends is told in a sentence, permanent ones marked so', () => {
    for (const code of [CloseCode.malformed, CloseCode.unauthorized, CloseCode.forbidden, CloseCode.notFound, CloseCode.tooLarge, CloseCode.invalidContent]) {
      const problem = describeClose(code)!;
      expect(problem.permanent).toBe(true);
      expect(problem.message.length).toBeGreaterThan(20);
    }
    for (const code of [
      CloseCode.roleChanged,
      CloseCode.unavailable,
      CloseCode.saveRefused,
      CloseCode.slowConsumer,
      CloseCode.outOfSync,
      CloseCode.rateLimited,
      CloseCode.goingAway,
    ]) {
      const problem = describeClose(code)!;
      expect(problem).toMatchObject({ permanent: false, signedOut: false });
      expect(problem.message.length).toBeGreaterThan(20);
    }
  });

  test('every close code the protocol names has its own sentence', () => {
    for (const code of Object.values(CloseCode)) expect(describeClose(code)?.message).not.toMatch(/closed this document for you/);
  });

  test('a lost document or permission, and being signed out, say so', () => {
    expect(describeClose(CloseCode.notFound)!.message).toBe('This document no longer exists or you lost access to it.');
    expect(describeClose(CloseCode.unauthorized)).toMatchObject({ signedOut: true, message: expect.stringContaining('signed out') });
    expect(describeClose(CloseCode.forbidden)!.message).toContain('no longer have access');
  });

  test('a role change is the one 44xx after which the page reconnects, and says so', () => {
    expect(isPermanentClose(CloseCode.roleChanged)).toBe(false);
    expect(describeClose(CloseCode.roleChanged)!.message).toBe('Your role in this workspace changed; reconnecting…');
    for (const code of [4400, 4401, 4403, 4404, 4413, 4422, 4499]) expect(isPermanentClose(code)).toBe(true);
  });

  test('content the server cannot store is permanent and says that a change made on this page could not be saved', () => {
    expect(describeClose(CloseCode.invalidContent)).toMatchObject({
      permanent: true,
      message: expect.stringMatching(/change made on this page could not be saved.*text or data the server cannot store/),
    });
  });

  test('an unknown 44xx is permanent with a general sentence; an ordinary close is no problem', () => {
    expect(describeClose(4429)).toMatchObject({ permanent: true, message: expect.stringContaining('Reload') });
    expect(describeClose(1006)).toBeNull();
    expect(describeClose(1000)).toBeNull();
  });
});
