import { describe, expect, it } from 'vitest';
import { createKeyboardNavigation } from '@/utils/wing/keyboard-navigation';
import { createFakeTimers } from '../hover/fake-timers';

const key = (k: string, modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

describe('keyboard navigation', () => {
  it('a navigation key counts until its task is over, then no longer', () => {
    const timers = createFakeTimers();
    const keyboard = createKeyboardNavigation(timers.setTimer);
    expect(keyboard.isNavigating).toBe(false);
    keyboard.keyDown(key('Tab'));
    expect(keyboard.isNavigating).toBe(true);
    timers.advance(0);
    expect(keyboard.isNavigating).toBe(false);
  });

  it('arrows count (grids, menus); typing, Enter and shortcuts do not', () => {
    const timers = createFakeTimers();
    const keyboard = createKeyboardNavigation(timers.setTimer);
    for (const k of ['a', 'Enter', 'Escape', ' ']) keyboard.keyDown(key(k));
    keyboard.keyDown(key('Tab', { ctrlKey: true }));
    expect(keyboard.isNavigating).toBe(false);
    keyboard.keyDown(key('ArrowDown'));
    expect(keyboard.isNavigating).toBe(true);
  });
});
