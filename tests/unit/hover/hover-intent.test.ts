import { beforeEach, describe, expect, it } from 'vitest';
import { createHoverIntent, type HoverIntent } from '@/utils/hover/hover-intent';
import { createFakeTimers, type FakeTimers } from './fake-timers';

type Target = 'A' | 'B';

let timers: FakeTimers;
let log: string[];
let intent: HoverIntent<Target>;

function setup(delays: { openDelayMs?: number; closeDelayMs?: number } = {}) {
  timers = createFakeTimers();
  log = [];
  intent = createHoverIntent<Target, number>({
    ...delays,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    onOpen: (target, via) => log.push(`open ${target} ${via}`),
    onClose: (target, reason) => log.push(`close ${target} ${reason}`),
  });
}

/** Dwell on A until its card opens, then clear the log. */
function openByPointer(target: Target = 'A') {
  intent.pointerEnterTarget(target);
  timers.advance(300);
  expect(log).toEqual([`open ${target} pointer`]);
  log.length = 0;
}

/** Focus arrives on the target and stays there for the open delay. */
function focusRest(target: Target) {
  intent.focusTarget(target);
  timers.advance(300);
}

beforeEach(() => setup());

describe('opening on pointer dwell', () => {
  it('opens only after the pointer rests on the target for the open delay', () => {
    intent.pointerEnterTarget('A');
    timers.advance(299);
    expect(log).toEqual([]);
    expect(intent.isOpen).toBe(false);
    timers.advance(1);
    expect(log).toEqual(['open A pointer']);
    expect(intent.isOpen).toBe(true);
    expect(intent.current).toBe('A');
  });

  it('never opens for a pointer that merely passes over (so no lookup starts)', () => {
    intent.pointerEnterTarget('A');
    timers.advance(150);
    intent.pointerLeaveTarget('A');
    timers.advance(10_000);
    expect(log).toEqual([]);
    expect(timers.pending).toBe(0);
  });

  it('passing over several targets opens only the one the pointer rests on', () => {
    intent.pointerEnterTarget('A');
    timers.advance(100);
    intent.pointerLeaveTarget('A');
    intent.pointerEnterTarget('B');
    timers.advance(299);
    expect(log).toEqual([]);
    timers.advance(1);
    expect(log).toEqual(['open B pointer']);
  });

  it('restarts the dwell when the pointer re-enters', () => {
    intent.pointerEnterTarget('A');
    timers.advance(200);
    intent.pointerLeaveTarget('A');
    intent.pointerEnterTarget('A');
    timers.advance(200);
    expect(log).toEqual([]);
    timers.advance(100);
    expect(log).toEqual(['open A pointer']);
  });

  it('repeated enter events for the same target do not restart the dwell', () => {
    intent.pointerEnterTarget('A');
    timers.advance(200);
    intent.pointerEnterTarget('A');
    timers.advance(100);
    expect(log).toEqual(['open A pointer']);
  });

  it('uses the configured delays', () => {
    setup({ openDelayMs: 500, closeDelayMs: 100 });
    intent.pointerEnterTarget('A');
    timers.advance(499);
    expect(intent.isOpen).toBe(false);
    timers.advance(1);
    expect(intent.isOpen).toBe(true);
    intent.pointerLeaveTarget('A');
    timers.advance(99);
    expect(intent.isOpen).toBe(true);
    timers.advance(1);
    expect(log).toEqual(['open A pointer', 'close A leave']);
  });

  it('an open delay below 150 ms is raised to 150 ms: a pointer crossing a table opens nothing', () => {
    setup({ openDelayMs: 0 });
    intent.pointerEnterTarget('A');
    timers.advance(149);
    expect(intent.isOpen).toBe(false);
    timers.advance(1);
    expect(log).toEqual(['open A pointer']);
  });
});

describe('staying open and closing', () => {
  it('stays open while the pointer rests on the target', () => {
    openByPointer();
    timers.advance(60_000);
    expect(intent.isOpen).toBe(true);
    expect(log).toEqual([]);
  });

  it('closes the close delay after the pointer leaves the target', () => {
    openByPointer();
    intent.pointerLeaveTarget('A');
    timers.advance(299);
    expect(intent.isOpen).toBe(true);
    timers.advance(1);
    expect(log).toEqual(['close A leave']);
    expect(intent.isOpen).toBe(false);
    expect(intent.current).toBeUndefined();
  });

  it('moving from the target onto the card within the delay keeps it open', () => {
    openByPointer();
    intent.pointerLeaveTarget('A');
    timers.advance(250);
    intent.pointerEnterCard();
    timers.advance(60_000);
    expect(intent.isOpen).toBe(true);
    expect(log).toEqual([]);
  });

  it('closes the close delay after the pointer leaves the card', () => {
    openByPointer();
    intent.pointerLeaveTarget('A');
    intent.pointerEnterCard();
    intent.pointerLeaveCard();
    timers.advance(299);
    expect(intent.isOpen).toBe(true);
    timers.advance(1);
    expect(log).toEqual(['close A leave']);
  });

  it('moving from the card back to the target keeps it open', () => {
    openByPointer();
    intent.pointerLeaveTarget('A');
    intent.pointerEnterCard();
    intent.pointerLeaveCard();
    timers.advance(200);
    intent.pointerEnterTarget('A');
    timers.advance(60_000);
    expect(intent.isOpen).toBe(true);
    expect(log).toEqual([]);
  });

  it('card events while no card is open are ignored', () => {
    intent.pointerEnterCard();
    intent.pointerLeaveCard();
    intent.focusEnterCard();
    intent.focusLeaveCard();
    timers.advance(1_000);
    expect(log).toEqual([]);
    expect(timers.pending).toBe(0);
  });

  it('focus inside the card holds it open after the pointer has gone', () => {
    openByPointer();
    intent.pointerLeaveTarget('A');
    intent.focusEnterCard();
    timers.advance(60_000);
    expect(intent.isOpen).toBe(true);
    intent.focusLeaveCard();
    timers.advance(300);
    expect(log).toEqual(['close A blur']);
  });
});

describe('keyboard focus', () => {
  it('opens only after focus has rested on the target for the open delay, like the pointer', () => {
    intent.focusTarget('A');
    timers.advance(299);
    expect(log).toEqual([]);
    timers.advance(1);
    expect(log).toEqual(['open A focus']);
  });

  it('a fast Tab sweep across targets opens only the card where focus comes to rest', () => {
    for (const target of ['A', 'B', 'A', 'B', 'A'] as const) {
      intent.focusTarget(target);
      timers.advance(60);
      intent.blurTarget(target);
    }
    intent.focusTarget('B');
    timers.advance(1_000);
    expect(log).toEqual(['open B focus']);
  });

  it('focus leaving before the delay opens nothing', () => {
    intent.focusTarget('A');
    timers.advance(200);
    intent.blurTarget('A');
    timers.advance(10_000);
    expect(log).toEqual([]);
    expect(timers.pending).toBe(0);
  });

  it('focus during a pending pointer dwell neither restarts it nor opens at once', () => {
    intent.pointerEnterTarget('A');
    timers.advance(100);
    intent.focusTarget('A');
    timers.advance(199);
    expect(log).toEqual([]);
    timers.advance(1);
    expect(log).toEqual(['open A pointer']);
  });

  it('the pointer leaving during a focus dwell does not cancel it while focus stays', () => {
    intent.focusTarget('A');
    intent.pointerEnterTarget('A');
    timers.advance(100);
    intent.pointerLeaveTarget('A');
    timers.advance(200);
    expect(log).toEqual(['open A focus']);
  });

  it('closes the close delay after blur', () => {
    focusRest('A');
    intent.blurTarget('A');
    timers.advance(299);
    expect(intent.isOpen).toBe(true);
    timers.advance(1);
    expect(log).toEqual(['open A focus', 'close A blur']);
  });

  it('tabbing from the target into the card keeps it open', () => {
    focusRest('A');
    intent.blurTarget('A');
    intent.focusEnterCard();
    timers.advance(60_000);
    expect(log).toEqual(['open A focus']);
  });

  it('stays open on blur while the pointer still rests on the target', () => {
    openByPointer();
    intent.focusTarget('A');
    intent.blurTarget('A');
    timers.advance(60_000);
    expect(intent.isOpen).toBe(true);
  });

  it('stays open when the pointer leaves while the target keeps focus', () => {
    focusRest('A');
    intent.pointerEnterTarget('A');
    intent.pointerLeaveTarget('A');
    timers.advance(60_000);
    expect(intent.isOpen).toBe(true);
  });

  it('tabbing on to the next target replaces the card once focus rests there', () => {
    focusRest('A');
    intent.blurTarget('A');
    intent.focusTarget('B');
    timers.advance(1_000);
    expect(log).toEqual(['open A focus', 'close A blur', 'open B focus']);
  });
});

describe('Escape', () => {
  it('closes at once, whatever holds the card', () => {
    openByPointer();
    intent.pointerLeaveTarget('A');
    intent.pointerEnterCard();
    intent.escape();
    expect(log).toEqual(['close A escape']);
    expect(intent.isOpen).toBe(false);
    expect(timers.pending).toBe(0);
  });

  it('focus returning to the ID does not reopen the dismissed card', () => {
    focusRest('A');
    intent.escape();
    focusRest('A');
    expect(log).toEqual(['open A focus', 'close A escape']);
  });

  it('a pointer still resting on the ID does not reopen it; leaving and coming back does', () => {
    openByPointer();
    intent.escape();
    intent.pointerEnterTarget('A'); // a stray duplicate enter event
    timers.advance(1_000);
    expect(log).toEqual(['close A escape']);
    intent.pointerLeaveTarget('A');
    intent.pointerEnterTarget('A');
    timers.advance(300);
    expect(log).toEqual(['close A escape', 'open A pointer']);
  });

  it('after blur, focusing the dismissed ID again reopens it', () => {
    focusRest('A');
    intent.escape();
    intent.blurTarget('A');
    focusRest('A');
    expect(log).toEqual(['open A focus', 'close A escape', 'open A focus']);
  });

  it('the dismissal is for that card only: another target opens as usual', () => {
    focusRest('A');
    intent.escape();
    focusRest('B');
    expect(log).toEqual(['open A focus', 'close A escape', 'open B focus']);
  });

  it('cancels a pending open', () => {
    intent.pointerEnterTarget('A');
    timers.advance(100);
    intent.escape();
    timers.advance(1_000);
    expect(log).toEqual([]);
  });

  it('does nothing when no card is open', () => {
    intent.escape();
    expect(log).toEqual([]);
  });
});

describe('pinning', () => {
  it('a pinned card ignores pointer leave and blur', () => {
    focusRest('A');
    intent.pointerEnterTarget('A');
    intent.pin();
    expect(intent.isPinned).toBe(true);
    intent.pointerLeaveTarget('A');
    intent.blurTarget('A');
    intent.pointerEnterCard();
    intent.pointerLeaveCard();
    timers.advance(60_000);
    expect(log).toEqual(['open A focus']);
    expect(intent.isOpen).toBe(true);
  });

  it('Escape closes a pinned card, with its own reason', () => {
    openByPointer();
    intent.pin();
    intent.escape();
    expect(log).toEqual(['close A pinned-escape']);
    expect(intent.isPinned).toBe(false);
  });

  it('a pinned card cancels a close already under way', () => {
    openByPointer();
    intent.pointerLeaveTarget('A');
    timers.advance(200);
    intent.pin();
    timers.advance(60_000);
    expect(intent.isOpen).toBe(true);
  });

  it('a pinned card is not replaced by hovering or focusing another target', () => {
    openByPointer();
    intent.pin();
    intent.pointerLeaveTarget('A');
    intent.pointerEnterTarget('B');
    timers.advance(1_000);
    focusRest('B');
    expect(log).toEqual([]);
    expect(intent.current).toBe('A');
  });

  it('unpinning closes after the delay once nothing holds the card', () => {
    openByPointer();
    intent.pin();
    intent.pointerLeaveTarget('A');
    timers.advance(1_000);
    intent.unpin();
    expect(intent.isPinned).toBe(false);
    timers.advance(299);
    expect(intent.isOpen).toBe(true);
    timers.advance(1);
    expect(log).toEqual(['close A leave']);
  });

  it('unpinning with the pointer on the card (its Unpin button) keeps it open until the pointer leaves', () => {
    openByPointer();
    intent.pin();
    intent.pointerLeaveTarget('A');
    intent.pointerEnterCard();
    intent.unpin();
    timers.advance(60_000);
    expect(intent.isOpen).toBe(true);
    intent.pointerLeaveCard();
    timers.advance(300);
    expect(log).toEqual(['close A leave']);
  });

  it('pin does nothing without an open card; the next card opens unpinned', () => {
    intent.pin();
    expect(intent.isPinned).toBe(false);
    openByPointer();
    intent.pin();
    intent.escape();
    log.length = 0;
    openByPointer('B');
    expect(intent.isPinned).toBe(false);
  });
});

describe('one card at a time', () => {
  it('resting on another target replaces the card', () => {
    openByPointer('A');
    intent.pointerLeaveTarget('A');
    intent.pointerEnterCard();
    intent.pointerLeaveCard();
    intent.pointerEnterTarget('B');
    timers.advance(300);
    expect(log).toEqual(['close A leave', 'open B pointer']);
    expect(intent.current).toBe('B');
  });

  it('replaces an open card held by focus when another target is hovered', () => {
    focusRest('A');
    intent.pointerEnterTarget('B');
    timers.advance(300);
    expect(log).toEqual(['open A focus', 'close A replaced', 'open B pointer']);
    expect(intent.current).toBe('B');
  });

  it('events about a target that is not the card are ignored for closing', () => {
    focusRest('A');
    intent.pointerEnterTarget('B');
    intent.pointerLeaveTarget('B');
    intent.blurTarget('B');
    timers.advance(60_000);
    expect(log).toEqual(['open A focus']);
  });
});

describe('dispose', () => {
  it('cancels pending timers and ignores later events', () => {
    intent.pointerEnterTarget('A');
    intent.dispose();
    timers.advance(1_000);
    focusRest('B');
    intent.pointerEnterTarget('B');
    timers.advance(1_000);
    expect(log).toEqual([]);
    expect(intent.isOpen).toBe(false);
    expect(timers.pending).toBe(0);
  });

  it('drops an open card without callbacks (the host is torn down with it)', () => {
    openByPointer();
    intent.pointerLeaveTarget('A');
    intent.dispose();
    timers.advance(1_000);
    expect(log).toEqual([]);
    expect(intent.current).toBeUndefined();
  });
});

it('works with object targets compared by identity', () => {
  const timers = createFakeTimers();
  const opened: object[] = [];
  const first = { id: '1' };
  const second = { id: '1' };
  const objects = createHoverIntent<object, number>({
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    onOpen: (target) => opened.push(target),
    onClose: () => undefined,
  });
  objects.focusTarget(first);
  timers.advance(300);
  objects.focusTarget(second);
  timers.advance(300);
  expect(opened).toEqual([first, second]);
  expect(objects.current).toBe(second);
});
