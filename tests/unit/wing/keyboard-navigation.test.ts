import { describe, expect, it } from 'vitest';
import { createKeyboardNavigation } from '@/utils/wing/keyboard-navigation';
import { createFakeTimers } from '../hover/fake-timers';

const key = (k: string, modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

function setUp() {
  const timers = createFakeTimers();
  return { timers, keyboard: createKeyboardNavigation(timers.setTimer) };
}

describe('keyboard navigation', () => {
  it('a navigation key counts for the one focus change it causes', () => {
    const { keyboard } = setUp();
    expect(keyboard.take()).toBe(false);
    keyboard.keyDown(key('Tab'));
    expect(keyboard.take()).toBe(true);
    expect(keyboard.take()).toBe(false);
  });

  it('no longer counts once its task is over or the key is released (a page script focusing later)', () => {
    const { timers, keyboard } = setUp();
    keyboard.keyDown(key('Tab'));
    timers.advance(0);
    expect(keyboard.take()).toBe(false);
    keyboard.keyDown(key('Tab'));
    keyboard.keyUp({ key: 'Tab' });
    expect(keyboard.take()).toBe(false);
  });

  it('an earlier key’s timer does not cut a later press short', () => {
    const { timers, keyboard } = setUp();
    keyboard.keyDown(key('Tab'));
    keyboard.keyUp({ key: 'Tab' });
    keyboard.keyDown(key('ArrowDown'));
    timers.advance(0); // both timers run; only the first press's may clear
    keyboard.keyDown(key('ArrowDown'));
    expect(keyboard.take()).toBe(true);
  });

  it('arrows count (grids, menus); typing, Enter and shortcuts do not', () => {
    const { keyboard } = setUp();
    for (const k of ['a', 'Enter', 'Escape', ' ']) {
      keyboard.keyDown(key(k));
      expect(keyboard.take(), k).toBe(false);
    }
    keyboard.keyDown(key('Tab', { ctrlKey: true }));
    expect(keyboard.take()).toBe(false);
    keyboard.keyDown(key('ArrowDown'));
    expect(keyboard.take()).toBe(true);
  });
});
