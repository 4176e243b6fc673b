// A tiny element builder: panels build DOM with it instead of string templates, so text is never parsed as HTML.
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (k === 'class') el.className = String(v);
    else if (k in el && typeof v !== 'string') (el as unknown as Record<string, unknown>)[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

export function svgEl(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el;
}

/** A select with options [value, label]; the first may be an empty "any". */
export function select(attrs: Attrs, options: [string, string][], value: string | null): HTMLSelectElement {
  const el = h('select', attrs, ...options.map(([v, l]) => h('option', { value: v }, l)));
  el.value = value ?? '';
  return el;
}

export function labelled(label: string, control: HTMLElement, error?: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'field' }, label, control, error ?? null);
}

/** Replaces an element's children, skipping empty slots (null, undefined, false). */
export function fill(root: Element, ...children: (Node | string | null | undefined | false)[]): void {
  root.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}
