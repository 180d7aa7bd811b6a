/**
 * Puts text on the clipboard from a content script. The async Clipboard API can be refused on a page
 * (permissions policy, document not focused); the old `execCommand('copy')` on a hidden textarea
 * still works there during a click. Everything is injected, so tests need no real clipboard.
 */
export interface CopyTextDeps {
  /** `navigator.clipboard`, when the page has one. */
  clipboard?: Pick<Clipboard, 'writeText'>;
  document: Document;
  /** Where the fallback textarea goes: the card's shadow root keeps it out of the page's DOM. */
  container?: ParentNode & Node;
}

/** True when the text reached the clipboard. */
export async function copyText(text: string, deps: CopyTextDeps): Promise<boolean> {
  if (deps.clipboard) {
    try {
      await deps.clipboard.writeText(text);
      return true;
    } catch {
      // Refused: try the fallback below.
    }
  }
  return copyWithTextarea(text, deps);
}

function copyWithTextarea(text: string, { document, container }: CopyTextDeps): boolean {
  const root = container ?? document.body;
  const focusRoot: { activeElement: Element | null } = 'activeElement' in root ? (root as ShadowRoot) : document;
  const previousFocus = focusRoot.activeElement;
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.setAttribute('aria-hidden', 'true');
  textarea.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;pointer-events:none;';
  root.appendChild(textarea);
  try {
    textarea.select();
    return document.execCommand('copy');
  } catch {
    return false; // refused too: the caller shows "Couldn't copy"
  } finally {
    textarea.remove();
    // Copying must not move focus away from the button the user pressed.
    if (previousFocus && 'focus' in previousFocus) (previousFocus as HTMLElement).focus();
  }
}
