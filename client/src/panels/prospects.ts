// Prospective partners and "who could introduce you": the actor I am ("me") and the actors I would like to
// reach are remembered in localStorage; for each prospect the K shortest paths from me through known actors
// name the introducers.
import { errorMessage } from '../api/client.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n/index.js';
import { whoCouldIntroduce } from '../views/paths.js';

const PROSPECTS_KEY = 'clustergraph.prospects';
const ME_KEY = 'clustergraph.me';

export interface Marked {
  id: string;
  name: string;
}

function read<T>(key: string, fallback: T): T {
  try {
    const v = localStorage.getItem(key);
    return v ? (JSON.parse(v) as T) : fallback;
  } catch {
    return fallback;
  }
}

export const marks = {
  prospects: (): Marked[] => read<Marked[]>(PROSPECTS_KEY, []),
  me: (): Marked | null => read<Marked | null>(ME_KEY, null),
  toggleProspect(m: Marked): void {
    const list = marks.prospects();
    const next = list.some((p) => p.id === m.id) ? list.filter((p) => p.id !== m.id) : [...list, m];
    localStorage.setItem(PROSPECTS_KEY, JSON.stringify(next));
  },
  setMe(m: Marked | null): void {
    if (m) localStorage.setItem(ME_KEY, JSON.stringify(m));
    else localStorage.removeItem(ME_KEY);
  },
};

export function renderProspects(root: HTMLElement, showRoute: (ids: string[]) => void): void {
  const me = marks.me();
  const prospects = marks.prospects();
  const list = h('ul', { class: 'intro-list', 'data-testid': 'prospect-list' });
  fill(root, 
    h('h2', { class: 'block' }, t('prospects')),
    h('p', { class: 'muted' }, `${t('me')}: `, me ? h('b', { 'data-testid': 'me-name' }, me.name) : t('none')),
    prospects.length ? null : h('p', { class: 'muted' }, t('none')),
    me || !prospects.length ? null : h('p', { class: 'msg info' }, t('noMe')),
    prospects.length ? h('h2', { class: 'block' }, t('whoIntroduces')) : null,
    list,
  );
  for (const p of prospects) {
    const li = h('li', { 'data-id': p.id }, h('b', {}, p.name), h('div', { class: 'muted' }, me ? t('loading') : ''),
      h('button', { style: 'margin-top:4px;font-size:12px', onclick: () => { marks.toggleProspect(p); li.remove(); } }, t('unmarkProspect')));
    list.append(li);
    if (!me) continue;
    whoCouldIntroduce(me.id, p.id)
      .then((intro) => {
        const out = li.querySelector('div')!;
        if (!intro.routes.length) {
          out.textContent = t('noIntroduction');
          return;
        }
        out.replaceChildren(...intro.routes.map((r) => {
          const text = r.length ? t('introducers', { names: r.map((n) => n.name).join(' → ') }) : t('direct');
          return h('button', { class: 'link-like', style: 'display:block;border:0;background:none;padding:2px 0;text-align:left;color:var(--accent)', 'data-testid': 'introducer',
            onclick: () => showRoute([me.id, ...r.map((n) => n.id), p.id]) }, text);
        }));
      })
      .catch((err: unknown) => {
        li.querySelector('div')!.textContent = errorMessage(err);
      });
  }
}
