import { describe, expect, it } from 'vitest';
import { createAnswerService } from '@/utils/answer-view/answer-service';
import type { ask } from '@/utils/extension-api';
import { failure } from '@/utils/response-envelope';

/** A background that answers every message with `answer`, and the messages it got. */
const background = (answer: unknown) => {
  const sent: unknown[] = [];
  const stub = (async (message: unknown) => (sent.push(message), answer)) as unknown as typeof ask;
  return { sent, service: createAnswerService(stub, () => undefined) };
};

describe('writes whose answer from the background is lost', () => {
  it('an answer the background never answered (worker gone mid-send) is an unknown outcome, not a generic error, and is sent once', async () => {
    const { sent, service } = background(failure('extension-error'));
    expect(await service.answer('1015668178', '안녕하세요', 'wing-user', '11')).toEqual({ ok: false, error: { kind: 'write-unknown', outcomeUnknown: true } });
    expect(sent).toHaveLength(1);
  });

  it('a confirm likewise', async () => {
    const { service } = background(failure('extension-error'));
    expect(await service.confirm('1015668178', 'wing-user')).toEqual({ ok: false, error: { kind: 'write-unknown', outcomeUnknown: true } });
  });

  it("Coupang's own refusals pass through unchanged", async () => {
    const refused = failure('not-answerable');
    const { service } = background(refused);
    expect(await service.answer('1015668178', '안녕하세요', 'wing-user', '11')).toEqual(refused);
  });
});
