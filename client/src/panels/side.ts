// The right-hand panel: details of the selection (actor, link, cluster), the editor ("map partners") or the
// help. It owns which of the three is shown and the editor's transient state (the form being edited, the last
// message), and reaches the rest of the page only through the port it is given.
import { editorToken, errorMessage, gql } from '../api/client.js';
import { DELETE_ENTITY, DELETE_LINK } from '../api/queries.js';
import { ACTOR_KINDS } from '../api/types.js';
import { $, fill, h } from '../dom.js';
import type { GraphController } from '../graph/controller.js';
import type { EdgeData } from '../graph/elements.js';
import { t } from '../i18n/index.js';
import type { Store } from '../state.js';
import { renderEdgeDetails, renderEntityDetails, type DetailActions } from './details.js';
import { actorForm, editForm, linkEditForm, linkForm, renderSignIn, type EditorHooks, type LinkEdit } from './editor.js';
import { renderHelp } from './help.js';
import { marks, renderProspects } from './prospects.js';
import type { SourceOption } from './provenance.js';

export type Panel = 'details' | 'editor' | 'help';

/** What the panel may ask of the page. */
export interface PagePort {
  store: Store;
  graph: GraphController;
  names: Map<string, string>;
  sources(): SourceOption[];
  selection(): string[];
  expand(id: string): void;
  load(): Promise<void>;
  refreshMarks(): void;
  status(text: string): void;
  error(text: string): void;
}

export class SidePanel {
  private panel: Panel = 'details';
  private editing: Parameters<typeof editForm>[1] | null = null;
  private editingLink: LinkEdit | null = null;
  /** The last change an editor made, shown at the top of the editor panel until it is closed. */
  private flash = '';

  constructor(private page: PagePort) {}

  /** Shows a panel; asking again for the editor or the help closes it (back to details). */
  open(panel: Panel): void {
    this.panel = this.panel === panel && panel !== 'details' ? 'details' : panel;
    this.editing = null;
    this.editingLink = null;
    this.flash = '';
    this.render();
  }

  /** The editor follows the selection (its linkage form needs it); the help stays open until it is closed. */
  selectionChanged(first: string | null): void {
    if (this.panel === 'editor') this.render();
    else if (first && this.panel === 'details') {
      this.panel = 'details';
      void this.showDetails(first);
    }
  }

  render(): void {
    const root = $('right');
    if (this.panel === 'help') return renderHelp(root, () => this.open('details'));
    if (this.panel === 'editor') return this.renderEditor(root);
    const sel = this.page.store.state.selected;
    if (sel) void this.showDetails(sel);
    else fill(root, h('h2', { class: 'title' }, t('details')), h('p', { class: 'muted' }, t('emptyGraph')));
  }

  private name(id: string): string {
    return this.page.names.get(id) ?? id;
  }

  private renderEditor(root: HTMLElement): void {
    const hooks = this.editorHooks();
    const signIn = h('div');
    renderSignIn(signIn, hooks);
    const prospects = h('div');
    renderProspects(prospects, (ids) => this.page.graph.highlight(ids, []));
    const signed = Boolean(editorToken());
    fill(root,
      h('div', { style: 'display:flex;justify-content:space-between;align-items:center' }, h('h2', { class: 'title' }, t('editor')), h('button', { onclick: () => this.open('details'), 'data-testid': 'close-editor' }, t('close'))),
      this.flash ? h('p', { class: 'msg ok', 'data-testid': 'editor-flash' }, this.flash) : null,
      signIn,
      signed && this.editing ? editForm(hooks, this.editing) : null,
      signed && this.editingLink ? linkEditForm(hooks, this.editingLink) : null,
      signed ? h('details', { open: true }, h('summary', { class: 'block' }, t('addLink')), linkForm(hooks)) : null,
      signed ? h('details', {}, h('summary', { class: 'block', 'data-testid': 'open-add-actor' }, t('addActor')), actorForm(hooks)) : null,
      prospects,
    );
  }

  private async showDetails(id: string): Promise<void> {
    if (this.panel !== 'details') return;
    // Details arrive after a request: they are drawn in a box of their own, so that when another panel (the
    // editor, the help, newer details) has replaced the box in the meantime, late details land off screen.
    const root = h('div');
    fill($('right'), root);
    const graph = this.page.graph;
    const d = graph.data(id);
    const me = marks.me();
    const ctx = {
      shownIds: graph.shown().nodes.filter((n) => (ACTOR_KINDS as readonly string[]).includes(n.kind)).map((n) => n.id),
      year: this.page.store.state.year, editor: Boolean(editorToken()),
      prospect: marks.prospects().some((p) => p.id === id), me: me?.id === id, actions: this.detailActions(),
    };
    if (d && 'source' in d) await renderEdgeDetails(root, d as EdgeData, (x) => this.name(x), ctx);
    else await renderEntityDetails(root, id, ctx);
  }

  private detailActions(): DetailActions {
    const { store } = this.page;
    return {
      expand: (id) => this.page.expand(id),
      chain: (id) => store.update({ view: 'chain', chain: { ...store.state.chain, id }, selected: id }),
      joint: (id) => store.update({ view: 'joint', joint: id, selected: id }),
      pathsFrom: (id) => store.update({ view: 'paths', paths: { ...store.state.paths, from: id, index: 0 } }),
      pathsTo: (id) => store.update({ view: 'paths', paths: { ...store.state.paths, to: id, index: 0 } }),
      toggleProspect: (id) => { marks.toggleProspect({ id, name: this.name(id) }); this.page.refreshMarks(); void this.showDetails(id); },
      setMe: (id) => { marks.setMe({ id, name: this.name(id) }); this.page.refreshMarks(); void this.showDetails(id); },
      edit: (id, name, description, validFrom, validUntil) => { this.panel = 'editor'; this.editing = { id, name, description, validFrom, validUntil }; this.render(); },
      deleteEntity: (id, name) => void this.remove(DELETE_ENTITY, id, t('confirmDelete', { name })),
      deleteLink: (id) => void this.remove(DELETE_LINK, id, t('confirmDelete', { name: id })),
      editLink: (link) => { this.panel = 'editor'; this.editing = null; this.editingLink = link; this.render(); },
    };
  }

  /** Deletes an entity or a link after the user confirms, then reloads the view. */
  private async remove(mutation: string, id: string, question: string): Promise<void> {
    if (!window.confirm(question)) return;
    try {
      await gql(mutation, { id });
      this.page.status(t('deleted'));
      const s = this.page.store.state;
      this.page.store.update({ selected: null, expanded: s.expanded.filter((x) => x !== id) });
      await this.page.load();
      $('right').replaceChildren(h('p', { class: 'msg ok', 'data-testid': 'deleted' }, t('deleted')));
    } catch (err) {
      this.page.error(errorMessage(err));
    }
  }

  private editorHooks(): EditorHooks {
    const { store } = this.page;
    return {
      sources: this.page.sources(),
      selection: () => this.page.selection().map((id) => ({ id, name: this.name(id) })),
      signedIn: () => this.render(),
      changed: ({ added, addedName, updated }) => {
        if (added && addedName) this.page.names.set(added, addedName);
        this.flash = added ? t('added', { name: this.name(added) }) : t('saved');
        this.editing = null;
        this.editingLink = null;
        if (added) store.update({ view: 'network', expanded: [...new Set([...store.state.expanded, added])], selected: added });
        else if (updated) void this.page.load();
      },
    };
  }
}
