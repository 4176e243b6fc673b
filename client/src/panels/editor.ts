// "Map partners": editor sign-in (the token is kept in localStorage and sent as Authorization: Bearer),
// adding an actor, drawing a linkage between two selected actors, editing what was added; every change goes
// through the GraphQL mutations and their validation errors are shown beside the field they name.
import { editorToken, errorMessage, GqlError, gql, setEditorToken } from '../api/client.js';
import { CREATE_ENTITY, CREATE_LINK, UPDATE_ENTITY, UPDATE_LINK } from '../api/queries.js';
import { ACTOR_KINDS, JOINT_FORMS, LINK_TYPES } from '../api/types.js';
import { h, labelled, select } from '../dom.js';
import { t, term } from '../i18n/index.js';
import { provenanceField, type SourceOption } from './provenance.js';

export interface EditorHooks {
  sources: SourceOption[];
  /** The selected actors, in the order they were selected. */
  selection(): { id: string; name: string }[];
  changed(what: { added?: string; addedName?: string; updated?: string }): void;
  signedIn(): void;
}

const optionalInt = (el: HTMLInputElement) => (el.value.trim() ? Number.parseInt(el.value, 10) : null);

/** Shows a GraphQL error beside the field it names (extensions.field), or at the top of the form. */
function showError(form: HTMLElement, msg: HTMLElement, err: unknown): void {
  form.querySelectorAll('.field.invalid').forEach((f) => f.classList.remove('invalid'));
  form.querySelectorAll('.field .err').forEach((e) => e.remove());
  const field = err instanceof GqlError ? err.field : undefined;
  let target: HTMLElement | null = null;
  if (field) {
    let best = 0;
    form.querySelectorAll<HTMLElement>('[data-field]').forEach((el) => {
      const name = el.dataset.field ?? '';
      const last = name.split('.').pop() ?? name;
      const score = field.endsWith(name) ? name.length + 100 : field.split('.').pop() === last ? last.length : 0;
      if (score > best && el.offsetParent !== null) {
        best = score;
        target = el;
      }
    });
  }
  const text = errorMessage(err);
  const at = (target as HTMLElement | null)?.closest('.field');
  if (at) {
    at.classList.add('invalid');
    at.append(h('span', { class: 'err', 'data-testid': 'field-error' }, text));
  }
  msg.className = 'msg bad';
  msg.textContent = text;
  msg.setAttribute('data-testid', 'form-error');
}

function ok(msg: HTMLElement, text: string): void {
  msg.className = 'msg ok';
  msg.textContent = text;
  msg.setAttribute('data-testid', 'form-ok');
}

/** Runs a form's save on submit: errors are shown beside the field they name, nothing else changes. */
function onSave(form: HTMLFormElement, msg: HTMLElement, save: () => Promise<void>): void {
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    void save().catch((err: unknown) => showError(form, msg, err));
  });
}

export function renderSignIn(root: HTMLElement, hooks: EditorHooks): void {
  const token = editorToken();
  if (token) {
    root.replaceChildren(h('p', { class: 'msg ok', 'data-testid': 'signed-in' }, t('signedIn')),
      h('button', { 'data-testid': 'sign-out', onclick: () => { setEditorToken(null); hooks.signedIn(); } }, t('signOut')));
    return;
  }
  const input = h('input', { type: 'password', autocomplete: 'off', 'data-testid': 'token-input' });
  const form = h('form', {}, labelled(t('tokenLabel'), input), h('button', { class: 'primary', type: 'submit', 'data-testid': 'sign-in' }, t('signIn')), h('p', { class: 'muted' }, t('notSignedIn')));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!input.value.trim()) return;
    setEditorToken(input.value.trim());
    hooks.signedIn();
  });
  root.replaceChildren(form);
}

export function actorForm(hooks: EditorHooks): HTMLElement {
  const kind = select({ 'data-testid': 'actor-kind', 'data-field': 'kind' }, ACTOR_KINDS.filter((k) => k !== 'CLUSTER').map((k): [string, string] => [k, term(k)]), 'FIRM');
  const name = h('input', { type: 'text', 'data-testid': 'actor-name', 'data-field': 'name', required: true });
  const desc = h('textarea', { rows: 2, 'data-testid': 'actor-description', 'data-field': 'description' });
  const from = h('input', { type: 'number', 'data-testid': 'actor-from', 'data-field': 'validFrom' });
  const until = h('input', { type: 'number', 'data-testid': 'actor-until', 'data-field': 'validUntil' });
  const prov = provenanceField(hooks.sources, 'actor');
  const msg = h('p', {});
  const form = h('form', { 'data-testid': 'actor-form' }, h('div', { class: 'row2' }, labelled(t('kind'), kind), labelled(t('name'), name)), labelled(t('description'), desc),
    h('div', { class: 'row2' }, labelled(t('validFrom'), from), labelled(t('validUntil'), until)), prov.element, h('button', { class: 'primary', type: 'submit', 'data-testid': 'actor-save' }, t('save')), msg);
  onSave(form, msg, async () => {
    const provenance = await prov.value();
    const input = { kind: kind.value, name: name.value, description: desc.value.trim() || null, validFrom: optionalInt(from), validUntil: optionalInt(until), provenance };
    const { createEntity } = await gql<{ createEntity: { id: string; name: string } }>(CREATE_ENTITY, { input });
    ok(msg, t('added', { name: createEntity.name }));
    hooks.changed({ added: createEntity.id, addedName: createEntity.name });
  });
  return form;
}

export function linkForm(hooks: EditorHooks): HTMLElement {
  const sel = hooks.selection();
  if (sel.length < 2) return h('p', { class: 'msg info', 'data-testid': 'link-needs-two' }, t('linkNeedsTwo'));
  let [a, b] = sel as [{ id: string; name: string }, { id: string; name: string }];
  const ends = h('p', { class: 'desc', 'data-testid': 'link-ends', 'data-field': 'to' }, t('linkFromTo', { from: a.name, to: b.name }));
  const swap = h('button', { type: 'button', onclick: () => { [a, b] = [b, a]; ends.textContent = t('linkFromTo', { from: a.name, to: b.name }); } }, t('swap'));
  const type = select({ 'data-testid': 'link-type', 'data-field': 'type' }, LINK_TYPES.map((ty): [string, string] => [ty, `${term(ty)} (${ty})`]), 'COOPERATES_WITH');
  const form_ = select({ 'data-testid': 'link-form', 'data-field': 'form' }, [['', '—'], ...JOINT_FORMS.map((f): [string, string] => [f, term(f)])], '');
  type.addEventListener('change', () => (form_.disabled = type.value !== 'COOPERATES_WITH'));
  const from = h('input', { type: 'number', 'data-testid': 'link-from-year', 'data-field': 'validFrom' });
  const until = h('input', { type: 'number', 'data-testid': 'link-until-year', 'data-field': 'validUntil' });
  const prov = provenanceField(hooks.sources, 'link');
  const msg = h('p', {});
  const form = h('form', { 'data-testid': 'link-form-el' }, h('div', { class: 'field' }, ends, swap), labelled(t('linkType'), type), labelled(t('form'), form_),
    h('div', { class: 'row2' }, labelled(t('validFrom'), from), labelled(t('validUntil'), until)), prov.element, h('button', { class: 'primary', type: 'submit', 'data-testid': 'link-save' }, t('save')), msg);
  onSave(form, msg, async () => {
    const provenance = await prov.value();
    const input = { type: type.value, from: a.id, to: b.id, form: form_.disabled ? null : form_.value || null, validFrom: optionalInt(from), validUntil: optionalInt(until), provenance };
    await gql(CREATE_LINK, { input });
    ok(msg, t('saved'));
    hooks.changed({ updated: a.id });
  });
  return form;
}

export function editForm(hooks: EditorHooks, e: { id: string; name: string; description: string | null; validFrom: number | null; validUntil: number | null }): HTMLElement {
  const name = h('input', { type: 'text', 'data-testid': 'edit-name', 'data-field': 'name' });
  name.value = e.name;
  const desc = h('textarea', { rows: 3, 'data-testid': 'edit-description', 'data-field': 'description' });
  desc.value = e.description ?? '';
  const from = h('input', { type: 'number', 'data-field': 'validFrom' });
  from.value = e.validFrom ? String(e.validFrom) : '';
  const until = h('input', { type: 'number', 'data-field': 'validUntil' });
  until.value = e.validUntil ? String(e.validUntil) : '';
  const prov = provenanceField(hooks.sources, 'edit');
  const msg = h('p', {});
  const form = h('form', { 'data-testid': 'edit-form' }, h('h2', { class: 'block' }, `${t('edit')}: ${e.name}`), labelled(t('name'), name), labelled(t('description'), desc),
    h('div', { class: 'row2' }, labelled(t('validFrom'), from), labelled(t('validUntil'), until)), prov.element, h('button', { class: 'primary', type: 'submit', 'data-testid': 'edit-save' }, t('save')), msg);
  onSave(form, msg, async () => {
    const provenance = await prov.value();
    const patch = { name: name.value, description: desc.value.trim() || null, validFrom: optionalInt(from), validUntil: optionalInt(until), provenance };
    await gql(UPDATE_ENTITY, { id: e.id, patch });
    ok(msg, t('saved'));
    hooks.changed({ updated: e.id });
  });
  return form;
}

/** The linkage being edited: its joint-action form (COOPERATES_WITH only) and its years. */
export interface LinkEdit {
  id: string;
  label: string;
  type: string;
  form: string | null;
  validFrom: number | null;
  validUntil: number | null;
}

export function linkEditForm(hooks: EditorHooks, l: LinkEdit): HTMLElement {
  const form_ = select({ 'data-testid': 'edit-link-form', 'data-field': 'form' }, [['', '—'], ...JOINT_FORMS.map((f): [string, string] => [f, term(f)])], l.form ?? '');
  form_.disabled = l.type !== 'COOPERATES_WITH';
  const from = h('input', { type: 'number', 'data-testid': 'edit-link-from', 'data-field': 'validFrom' });
  from.value = l.validFrom ? String(l.validFrom) : '';
  const until = h('input', { type: 'number', 'data-testid': 'edit-link-until', 'data-field': 'validUntil' });
  until.value = l.validUntil ? String(l.validUntil) : '';
  const prov = provenanceField(hooks.sources, 'editlink');
  const msg = h('p', {});
  const form = h('form', { 'data-testid': 'edit-link-form-el' }, h('h2', { class: 'block' }, `${t('edit')}: ${l.label}`), labelled(t('form'), form_),
    h('div', { class: 'row2' }, labelled(t('validFrom'), from), labelled(t('validUntil'), until)), prov.element, h('button', { class: 'primary', type: 'submit', 'data-testid': 'edit-link-save' }, t('save')), msg);
  onSave(form, msg, async () => {
    const provenance = await prov.value();
    const patch = { form: form_.disabled ? null : form_.value || null, validFrom: optionalInt(from), validUntil: optionalInt(until), provenance };
    await gql(UPDATE_LINK, { id: l.id, patch });
    ok(msg, t('saved'));
    hooks.changed({ updated: l.id });
  });
  return form;
}
