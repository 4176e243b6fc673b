// The bar under the toolbar with the current view's own controls: the chain's start, direction and tiers;
// the joint-action cluster and its figures; the two ends of the path view and next/previous.
import { fill, h, select } from '../dom.js';
import { t, term } from '../i18n/index.js';
import type { Store } from '../state.js';
import type { JointSummary } from '../views/joint.js';
import { suggestInput } from './suggest.js';

export interface ViewbarInfo {
  name(id: string | null): string;
  joint: JointSummary | null;
  pathCount: number;
  /** The highlighted path in words: A —sells to→ B … */
  pathText: string;
  truncatedBy: string | null;
}

export function renderViewbar(root: HTMLElement, store: Store, info: ViewbarInfo): void {
  const s = store.state;
  const note = info.truncatedBy ? h('span', { class: 'msg info', 'data-testid': 'truncated' }, t('truncated', { by: info.truncatedBy })) : null;
  if (s.view === 'chain') {
    const start = suggestInput({ placeholder: t('chainStart'), testid: 'chain-start', keepText: true, initial: info.name(s.chain.id), onChoose: (hit) => store.update({ chain: { ...store.state.chain, id: hit.id } }) });
    const dir = select({ 'data-testid': 'chain-direction', onchange: (ev) => store.update({ chain: { ...store.state.chain, direction: (ev.target as HTMLSelectElement).value as 'DOWNSTREAM' | 'UPSTREAM' } }) },
      [['DOWNSTREAM', t('downstream')], ['UPSTREAM', t('upstream')]], s.chain.direction);
    const tiers = select({ 'data-testid': 'chain-tiers', onchange: (ev) => store.update({ chain: { ...store.state.chain, tiers: Number((ev.target as HTMLSelectElement).value) } }) },
      [['1', '1'], ['2', '2'], ['3', '3'], ['4', '4']], String(s.chain.tiers));
    fill(root, h('label', {}, t('chainStart'), h('span', { class: 'pick' }, start)), h('label', {}, t('direction'), dir), h('label', {}, t('tiers'), tiers),
      s.chain.id ? null : h('span', { class: 'muted' }, t('chainHint')), note);
  } else if (s.view === 'joint') {
    const pick = suggestInput({ placeholder: t('cluster'), testid: 'joint-cluster', keepText: true, initial: info.name(s.joint), onChoose: (hit) => store.update({ joint: hit.id }) });
    const j = info.joint;
    fill(root, h('label', {}, t('cluster'), h('span', { class: 'pick' }, pick)),
      j ? h('span', { class: 'chip', 'data-testid': 'joint-density' }, `${t('density')} ${j.density.toFixed(2)} · ${t('actors')} ${j.actors}`) : h('span', { class: 'muted' }, t('jointHint')),
      ...(j?.byForm ?? []).map((f) => h('span', { class: 'chip' }, `${term(f.form)}: ${f.count}`)), note);
  } else if (s.view === 'paths') {
    const from = suggestInput({ placeholder: t('pathFrom'), testid: 'path-from', keepText: true, initial: info.name(s.paths.from), onChoose: (hit) => store.update({ paths: { ...store.state.paths, from: hit.id, index: 0 } }) });
    const to = suggestInput({ placeholder: t('pathTo'), testid: 'path-to', keepText: true, initial: info.name(s.paths.to), onChoose: (hit) => store.update({ paths: { ...store.state.paths, to: hit.id, index: 0 } }) });
    const max = select({ 'data-testid': 'path-maxlen', onchange: (ev) => store.update({ paths: { ...store.state.paths, maxLength: Number((ev.target as HTMLSelectElement).value), index: 0 } }) },
      [['2', '2'], ['3', '3'], ['4', '4'], ['5', '5'], ['6', '6']], String(s.paths.maxLength));
    const n = info.pathCount;
    const go = (d: number) => store.update({ paths: { ...store.state.paths, index: (store.state.paths.index + d + n) % n } });
    fill(root, h('label', {}, t('pathFrom'), h('span', { class: 'pick' }, from)), h('label', {}, t('pathTo'), h('span', { class: 'pick' }, to)), h('label', {}, t('maxLength'), max),
      n ? h('span', { class: 'path-nav' }, h('button', { 'data-testid': 'path-prev', onclick: () => go(-1), title: `${t('previous')} (←)` }, '◀'),
        h('output', { 'data-testid': 'path-counter' }, t('pathOf', { i: s.paths.index + 1, n })),
        h('button', { 'data-testid': 'path-next', onclick: () => go(1), title: `${t('next')} (→)` }, '▶'))
        : h('span', { class: 'muted', 'data-testid': 'path-none' }, s.paths.from && s.paths.to ? t('noPaths') : t('pathsHint')), note,
      n ? h('div', { class: 'path-text', 'data-testid': 'path-text' }, info.pathText) : null);
  } else {
    fill(root, ...(note ? [note] : []));
  }
}
