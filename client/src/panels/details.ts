// The side panel for one actor or link: its properties, its sources (document, lines, quote), its brokerage
// roles and dependency (analytics, when the server offers them), and the actions that start from it.
import { errorMessage, gql } from '../api/client.js';
import { BROKERAGE, DEPENDENCY, EDGE_DETAILS, ENTITY_DETAILS } from '../api/queries.js';
import type { Provenance } from '../api/types.js';
import { fill, h } from '../dom.js';
import { KIND_STYLE, ROLE_COLOR } from '../graph/style.js';
import { t, term } from '../i18n/index.js';
import { renderCluster } from './cluster.js';

export interface DetailActions {
  expand(id: string): void;
  chain(id: string): void;
  joint(id: string): void;
  pathsFrom(id: string): void;
  pathsTo(id: string): void;
  toggleProspect(id: string): void;
  setMe(id: string): void;
  edit(id: string, name: string, description: string | null, validFrom: number | null, validUntil: number | null): void;
  deleteEntity(id: string, name: string): void;
  deleteLink(id: string): void;
  editLink(link: { id: string; label: string; type: string; form: string | null; validFrom: number | null; validUntil: number | null }): void;
}

export interface DetailContext {
  shownIds: string[];
  year: number | null;
  editor: boolean;
  prospect: boolean;
  me: boolean;
  actions: DetailActions;
}

interface EntityDetail {
  id: string; kind: string; name: string; aliases: string[]; description: string | null; aggregate: boolean; count: number | null;
  validFrom: number | null; validUntil: number | null; documents: string[]; type: string[]; date: string | null; conflicts: string[];
  places: { id: string; name: string; type: string[] }[];
  sources: Provenance[];
  chains: { role: string; chain: { id: string; name: string; chain: { governanceHS: string | null; governanceGHS: string | null } | null } }[];
}

const years = (from: number | null | undefined, until: number | null | undefined) => (from || until ? `${from ?? '…'}–${until ?? '…'}` : null);

export function sourceList(sources: Provenance[]): HTMLElement {
  if (!sources.length) return h('p', { class: 'muted' }, t('none'));
  return h('ul', { class: 'sources', 'data-testid': 'sources' }, ...sources.map((s) =>
    h('li', {}, h('span', { class: 'meta' }, `${s.doc}${s.title ? ` — ${s.title}` : ''}${s.lines.length ? ` · ${t('lines')} ${s.lines.join(', ')}` : ''}${s.finding === 'CITED' && s.cites ? ` · ${s.cites}` : ''}`),
      h('q', {}, s.quote))));
}

function props(rows: [string, string | null | undefined][]): HTMLElement {
  return h('dl', { class: 'props' }, ...rows.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '')]));
}

export async function renderEntityDetails(root: HTMLElement, id: string, ctx: DetailContext): Promise<void> {
  fill(root, h('p', { class: 'muted' }, t('loading')));
  let e: EntityDetail | null;
  try {
    e = (await gql<{ entity: EntityDetail | null }>(ENTITY_DETAILS, { id })).entity;
  } catch (err) {
    fill(root, h('p', { class: 'msg bad' }, errorMessage(err)));
    return;
  }
  if (!e) {
    fill(root, h('p', { class: 'msg bad' }, `${id}: ${t('noResults')}`));
    return;
  }
  const ent = e;
  const style = KIND_STYLE[ent.kind];
  const country = [...new Map(ent.places.map((p) => [p.id, p])).values()];
  const a = ctx.actions;
  const actions = h('div', { class: 'actions' },
    h('button', { onclick: () => a.expand(ent.id), 'data-testid': 'action-expand' }, t('expandHere')),
    h('button', { onclick: () => a.chain(ent.id), 'data-testid': 'action-chain' }, t('openChain')),
    ent.kind === 'CLUSTER' ? h('button', { onclick: () => a.joint(ent.id), 'data-testid': 'action-joint' }, t('openJoint')) : null,
    h('button', { onclick: () => a.pathsFrom(ent.id), 'data-testid': 'action-paths-from' }, t('pathFromHere')),
    h('button', { onclick: () => a.pathsTo(ent.id), 'data-testid': 'action-paths-to' }, t('pathToHere')),
    h('button', { onclick: () => a.toggleProspect(ent.id), 'data-testid': 'action-prospect', 'aria-pressed': String(ctx.prospect) }, ctx.prospect ? t('unmarkProspect') : t('markProspect')),
    h('button', { onclick: () => a.setMe(ent.id), 'data-testid': 'action-me', 'aria-pressed': String(ctx.me) }, t('setMe')),
    ctx.editor ? h('button', { onclick: () => a.edit(ent.id, ent.name, ent.description, ent.validFrom, ent.validUntil), 'data-testid': 'action-edit' }, t('edit')) : null,
    ctx.editor ? h('button', { class: 'danger', onclick: () => a.deleteEntity(ent.id, ent.name), 'data-testid': 'action-delete' }, t('delete')) : null,
  );
  const analytics = h('div', { 'data-testid': 'analytics' });
  const cluster = h('div');
  fill(root, 
    h('h2', { class: 'title', 'data-testid': 'details-title' }, ent.name),
    h('div', { class: 'sub' }, h('span', { class: 'swatch', style: `background:${style?.fill};border-color:${style?.border}` }), term(ent.kind),
      ...ent.type.map((ty) => h('span', { class: 'chip' }, ty.replace(/_/g, ' '))), ent.aggregate ? h('span', { class: 'chip' }, `group${ent.count ? ` ≈ ${ent.count}` : ''}`) : null),
    ent.description ? h('p', { class: 'desc' }, ent.description) : null,
    props([
      [t('id'), ent.id],
      [t('years'), years(ent.validFrom, ent.validUntil) ?? ent.date],
      [t('aliases'), ent.aliases.join('; ')],
      [t('places'), country.map((p) => p.name).join(', ')],
      [t('documents'), ent.documents.join(', ')],
    ]),
    ent.conflicts.length ? h('details', { class: 'muted' }, h('summary', {}, `${t('conflicts')} (${ent.conflicts.length})`), h('ul', {}, ...ent.conflicts.map((c) => h('li', {}, c)))) : null,
    actions,
    cluster,
    ent.chains.length ? h('h2', { class: 'block' }, t('chains')) : null,
    ent.chains.length ? chainList(ent.chains) : null,
    analytics,
    h('h2', { class: 'block' }, t('sources')),
    sourceList(ent.sources),
  );
  if (ent.kind === 'CLUSTER') void renderCluster(cluster, ent.id);
  void renderAnalytics(analytics, ent.id, ctx);
}

export function chainList(chains: EntityDetail['chains']): HTMLElement {
  const unique = [...new Map(chains.map((c) => [`${c.chain.id}|${c.role}`, c])).values()];
  return h('ul', { class: 'chain-list', 'data-testid': 'chains' }, ...unique.map((c) => {
    const g = c.chain.chain?.governanceHS ?? c.chain.chain?.governanceGHS ?? null;
    return h('li', {}, governanceChip(g), h('span', {}, `${c.chain.name} `, h('span', { class: 'muted' }, `(${c.role.replace(/_/g, ' ')})`)));
  }));
}

export function governanceChip(g: string | null): HTMLElement {
  const colors: Record<string, string> = { MARKET: '#16a34a', MODULAR: '#0ea5e9', NETWORK: '#2563eb', RELATIONAL: '#6366f1', QUASI_HIERARCHY: '#ea580c', CAPTIVE: '#d97706', HIERARCHY: '#dc2626' };
  return h('span', { class: 'chip gov', style: `background:${g ? colors[g] ?? '#9ca3af' : '#9ca3af'}` }, g ? term(g) : term('UNKNOWN_GOVERNANCE'));
}

type Roles = Record<'coordinator' | 'itinerant' | 'representative' | 'gatekeeper' | 'liaison' | 'total', number | null>;

async function renderAnalytics(root: HTMLElement, id: string, ctx: DetailContext): Promise<void> {
  const ids = ctx.shownIds.includes(id) ? ctx.shownIds : [...ctx.shownIds, id];
  const [brokerage, dependency] = await Promise.allSettled([
    gql<{ brokerage: { scores: { actor: { id: string }; group: string; raw: Roles }[] } }>(BROKERAGE, { ids, year: ctx.year, only: [id], first: 5 }),
    gql<{ dependency: { reachableTargets: { id: string; name: string }[]; mustPassThrough: { id: string; name: string }[] } }>(DEPENDENCY, { id }),
  ]);
  const blocks: (HTMLElement | null)[] = [h('h2', { class: 'block' }, t('brokerageRoles'))];
  if (brokerage.status === 'fulfilled') {
    const score = brokerage.value.brokerage.scores.find((s) => s.actor.id === id);
    blocks.push(score
      ? h('div', { class: 'roles', 'data-testid': 'brokerage-roles' }, ...(['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison', 'total'] as const).map((r) =>
        h('div', { style: `--c:${ROLE_COLOR[r] ?? '#334155'}` }, h('b', {}, String(score.raw[r] ?? 0)), term(r))))
      : h('p', { class: 'muted' }, t('none')));
  } else {
    blocks.push(h('p', { class: 'msg info', 'data-testid': 'analytics-error' }, t('analyticsUnavailable', { msg: errorMessage(brokerage.reason) })));
  }
  blocks.push(h('h2', { class: 'block' }, t('dependency')));
  if (dependency.status === 'fulfilled') {
    const d = dependency.value.dependency;
    blocks.push(h('p', { class: 'desc' }, d.mustPassThrough.length ? d.mustPassThrough.map((n) => n.name).join(', ') : t('none')),
      h('p', { class: 'muted' }, `${t('reachable')}: ${d.reachableTargets.length ? d.reachableTargets.map((n) => n.name).join(', ') : t('none')}`));
  } else {
    blocks.push(h('p', { class: 'msg info' }, t('analyticsUnavailable', { msg: errorMessage(dependency.reason) })));
  }
  fill(root, ...blocks.filter((b): b is HTMLElement => b !== null));
}

interface EdgeDetail {
  id: string; type: string; source: string; target: string; form: string | null; qualifier: string | null; validFrom: number | null; validUntil: number | null;
  provenance: Provenance; properties: Record<string, unknown>;
}

export async function renderEdgeDetails(root: HTMLElement, edge: { id: string; source: string; target: string }, names: (id: string) => string, ctx: DetailContext): Promise<void> {
  fill(root, h('p', { class: 'muted' }, t('loading')));
  let e: EdgeDetail | undefined;
  try {
    const data = await gql<{ neighbourhood: { edges: EdgeDetail[] } }>(EDGE_DETAILS, { ids: [edge.source], hops: 1 });
    e = data.neighbourhood.edges.find((x) => x.id === edge.id);
  } catch (err) {
    fill(root, h('p', { class: 'msg bad' }, errorMessage(err)));
    return;
  }
  if (!e) {
    fill(root, h('p', { class: 'msg bad' }, `${edge.id}: ${t('noResults')}`));
    return;
  }
  const link = e;
  const extra = Object.entries(link.properties).filter(([k]) => !/^(id|origin|prov|source|doc|lines|quote|finding|cites|validFrom|validUntil|form|editedBy)/.test(k));
  fill(root, 
    h('h2', { class: 'title', 'data-testid': 'details-title' }, `${names(link.source)} — ${term(link.type)} → ${names(link.target)}`),
    h('div', { class: 'sub' }, h('span', { class: 'chip' }, link.type)),
    props([
      [t('from'), names(link.source)], [t('to'), names(link.target)], [t('form'), link.form ? term(link.form) : null], [t('qualifier'), link.qualifier],
      [t('years'), years(link.validFrom, link.validUntil)], [t('id'), link.id],
      ...extra.map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
    ]),
    ctx.editor
      ? h('div', { class: 'actions' },
          h('button', { onclick: () => ctx.actions.editLink({ id: link.id, label: `${names(link.source)} — ${term(link.type)} → ${names(link.target)}`, type: link.type, form: link.form, validFrom: link.validFrom, validUntil: link.validUntil }), 'data-testid': 'action-edit-link' }, t('edit')),
          h('button', { class: 'danger', onclick: () => ctx.actions.deleteLink(link.id), 'data-testid': 'action-delete-link' }, t('delete')))
      : null,
    h('h2', { class: 'block' }, t('sources')),
    sourceList([link.provenance]),
  );
}
