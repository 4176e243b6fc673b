// The interface language: English, Spanish or Portuguese, remembered in localStorage and carried in the URL.
import { en, type Dict } from './en.js';
import { es } from './es.js';
import { pt } from './pt.js';
import { TERMS } from './terms.js';

export const LANGUAGES = { en: 'English', es: 'Español', pt: 'Português' } as const;
export type Lang = keyof typeof LANGUAGES;
const DICTS: Record<Lang, Dict> = { en, es, pt };
const LANG_KEY = 'clustergraph.lang';
let current: Lang = 'en';

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && v in LANGUAGES;
}

export function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    /* private mode: the URL still carries it */
  }
}

export function lang(): Lang {
  return current;
}

/** The phrase for a key in the current language, with {placeholders} filled in. */
export function t(key: keyof Dict, vars: Record<string, string | number> = {}): string {
  const text = DICTS[current][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** The name of a vocabulary term (kind, relationship type, governance…); the raw value when unknown. */
export function term(value: string | null | undefined): string {
  if (!value) return '';
  const row = TERMS[value];
  if (!row) return value.replace(/_/g, ' ');
  return row[current === 'en' ? 0 : current === 'es' ? 1 : 2];
}

/** Fills every element carrying data-i18n (text), data-i18n-placeholder, data-i18n-title or data-i18n-html. */
export function translatePage(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => (el.textContent = t(el.dataset.i18n as keyof Dict)));
  root.querySelectorAll<HTMLElement>('[data-i18n-html]').forEach((el) => (el.innerHTML = t(el.dataset.i18nHtml as keyof Dict)));
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => (el.placeholder = t(el.dataset.i18nPlaceholder as keyof Dict)));
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => {
    el.title = t(el.dataset.i18nTitle as keyof Dict);
    el.setAttribute('aria-label', el.title);
  });
}

export type { Dict };
