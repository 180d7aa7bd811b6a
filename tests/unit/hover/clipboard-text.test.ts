// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from '@/utils/hover/clipboard-text';

afterEach(() => {
  document.body.innerHTML = '';
  Reflect.deleteProperty(document, 'execCommand');
});

/** Stands in for the browser's `execCommand('copy')`, recording the text of the textarea it would copy. */
function stubExecCommand(result: boolean | Error) {
  const copied: string[] = [];
  const execCommand = vi.fn((command: string) => {
    if (result instanceof Error) throw result;
    const textarea = document.querySelector('textarea');
    if (command === 'copy' && textarea) copied.push(textarea.value);
    return result;
  });
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  return { execCommand, copied };
}

describe('copyText', () => {
  it('uses the Clipboard API when it works', async () => {
    const writeText = vi.fn(async () => undefined);
    const { execCommand } = stubExecCommand(true);
    expect(await copyText('1015668177', { clipboard: { writeText }, document })).toBe(true);
    expect(writeText).toHaveBeenCalledWith('1015668177');
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('falls back to a hidden textarea when the Clipboard API is refused, and cleans up', async () => {
    const writeText = vi.fn(async () => {
      throw new DOMException('Document is not focused.', 'NotAllowedError');
    });
    const { copied } = stubExecCommand(true);
    expect(await copyText('line 1\nline 2', { clipboard: { writeText }, document })).toBe(true);
    expect(copied).toEqual(['line 1\nline 2']);
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('puts the fallback textarea in the given container and gives focus back to the pressed button', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const pressed = document.createElement('button');
    shadow.append(pressed);
    pressed.focus();
    let containerHeldTextarea = false;
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: () => {
        containerHeldTextarea = shadow.querySelector('textarea') !== null;
        return true;
      },
    });
    expect(await copyText('x', { document, container: shadow })).toBe(true);
    expect(containerHeldTextarea).toBe(true);
    expect(shadow.querySelector('textarea')).toBeNull();
    expect(shadow.activeElement).toBe(pressed);
  });

  it('reports failure when neither way works', async () => {
    stubExecCommand(false);
    expect(await copyText('x', { document })).toBe(false);
    stubExecCommand(new Error('not supported'));
    expect(await copyText('x', { document })).toBe(false);
    expect(document.querySelector('textarea')).toBeNull();
  });
});
