import { useState } from 'preact/hooks';
import type { Translate } from '@/utils/i18n/translate';
import { parseInquiryInput } from '@/utils/detect/parse-input';

export interface SearchBoxProps {
  t: Translate;
  onSearch: (id: string) => void;
  autoFocus?: boolean;
}

/** The inquiry number box: accepts an ID, pasted text holding one, or a Wing link; refuses the rest inline. */
export function SearchBox({ t, onSearch, autoFocus = false }: SearchBoxProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  function submit(event: Event) {
    event.preventDefault();
    const parsed = parseInquiryInput(text);
    if (parsed.ok) {
      setProblem(undefined);
      setText(parsed.id);
      onSearch(parsed.id);
      return;
    }
    const messages = {
      empty: t('input.empty'),
      'no-id': t('input.noId'),
      ambiguous: t('input.ambiguous', { ids: (parsed.candidates ?? []).join(', ') }),
      'too-long': t('input.tooLong'),
    } as const;
    setProblem(messages[parsed.reason]);
  }

  return (
    <form class="csl-search" role="search" onSubmit={submit}>
      <label class="csl-search-label" for="csl-search-input">
        {t('search.label')}
      </label>
      <div class="csl-search-row">
        <input
          id="csl-search-input"
          type="search"
          value={text}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          spellcheck={false}
          autoFocus={autoFocus}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? 'csl-search-problem' : undefined}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setProblem(undefined);
          }}
        />
        <button type="submit">{t('search.submit')}</button>
      </div>
      {problem && (
        <p id="csl-search-problem" class="csl-input-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
