/** Sample mode's answers (docs/answering.md#sample-mode): answered locally, nothing sent, the sample shows it this session. */
import { describe, expect, it, vi } from 'vitest';
import { chooseParent } from '@/utils/answer/eligibility';
import { createSampleWrites } from '@/utils/answer/sample-writes';
import { createWriteService } from '@/utils/answer/write-service';
import { withSamplesAndKeyAge } from '@/utils/background/sample-and-key-lookups';
import type { LookupService } from '@/utils/lookup/lookup-service';
import { isSampleId } from '@/utils/samples/sample-inquiries';
import { lookupSample } from '@/utils/samples/sample-lookup';

const NOW = Date.UTC(2026, 11, 6, 3, 0, 0);
const SAMPLE = '7000000001';

function setup(stored?: unknown) {
  let box = stored;
  const real = { lookup: vi.fn(), onBudget: vi.fn(), clear: vi.fn(), flushed: vi.fn() } as unknown as LookupService;
  const sampleWrites = createSampleWrites({ getValue: async () => box, setValue: async (value) => void (box = value) }, () => NOW);
  const lookups = withSamplesAndKeyAge(real, { sampleMode: async () => true, keyIssuedAt: async () => undefined, clockOffsetMs: async () => 0, now: () => NOW, sampleWrites });
  const client = vi.fn();
  const changed: string[] = [];
  const service = createWriteService({
    client,
    lookups,
    economy: { ready: Promise.resolve(), refuse: () => undefined, paused: () => undefined },
    sampleMode: async () => true,
    isSampleId,
    samples: sampleWrites,
    discardDraft: async () => {},
    changed: (id) => void changed.push(id),
    now: () => NOW,
  });
  return { service, lookups, real, client, changed, stored: () => box };
}

describe('sample mode writes', () => {
  it('answers a sample locally: no client, no lookup, no POST; the sample then shows answered', async () => {
    const s = setup();
    const sample = lookupSample(SAMPLE, NOW);
    const parent = sample.ok ? chooseParent(sample.value.inquiry) : undefined;
    if (!parent?.ok) throw new Error('the unanswered sample must be answerable');
    const result = await s.service.send({ type: 'answer', id: SAMPLE, content: '내일 도착합니다.', replyBy: 'sample-user', parentAnswerId: parent.parentAnswerId });
    expect(result.ok && result.value.sample).toBe(true);
    expect(result.ok && result.value.after?.inquiry.csPartnerCounselingStatus).toBe('answered');
    expect(s.client).not.toHaveBeenCalled();
    expect(s.real.lookup).not.toHaveBeenCalled();
    expect(s.real.onBudget).not.toHaveBeenCalled();
    expect(s.changed).toEqual([SAMPLE]);
    const again = await s.lookups.lookup(SAMPLE);
    expect(again.ok && again.value.inquiry.replies.at(-1)).toMatchObject({ answerType: 'vendor', content: '내일 도착합니다.' });
    // A second answer finds it answered.
    const second = await s.service.send({ type: 'answer', id: SAMPLE, content: '다시 보냅니다.', replyBy: 'sample-user', parentAnswerId: parent.parentAnswerId });
    expect(second).toEqual({ ok: false, error: { kind: 'answer-changed', reason: 'answered' } });

    // The session keeps it (a worker restart reads it back); a stored time ahead of the clock is clamped.
    const stored = s.stored() as Record<string, { at: number }>;
    stored[SAMPLE]!.at = NOW + 86_400_000;
    const restarted = setup(stored);
    const after = await restarted.lookups.lookup(SAMPLE);
    expect(after.ok && after.value.inquiry.answeredAt).toBe(NOW);
  });

  it('refuses anything that is not a sample', async () => {
    const s = setup();
    expect(await s.service.send({ type: 'confirm', id: '1015668177', confirmBy: 'me' })).toEqual({ ok: false, error: { kind: 'not-sample' } });
  });

  it('ignores stored junk', async () => {
    const s = setup({ [SAMPLE]: { kind: 'answer', content: 5 }, x: null });
    const result = await s.lookups.lookup(SAMPLE);
    expect(result.ok && result.value.inquiry.csPartnerCounselingStatus).toBe('requestAnswer');
  });
});
