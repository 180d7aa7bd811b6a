import type { MessageKey } from './en';
import type { Translate } from './translate';

/** A translator over one catalog: `{name}` filled from params; a key the catalog lacks prints as itself. */
export function translatorFor(catalog: Partial<Record<MessageKey, string>>): Translate {
  return (key, params) => {
    const template = catalog[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}
