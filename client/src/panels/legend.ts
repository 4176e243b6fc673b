// The legend: every shape, colour and line style of graph/style.ts, drawn from the same tables so that the
// legend cannot drift from the drawing. Shows the part that matters for the current view.
import { h, svgEl } from '../dom.js';
import { t, term } from '../i18n/index.js';
import { FORM_COLOR, GOVERNANCE_COLOR, KIND_STYLE, LINK_STYLE, ROLE_COLOR } from '../graph/style.js';
import type { View } from '../state.js';

const SHAPE_PATHS: Record<string, string> = {
  ellipse: '<circle cx="9" cy="9" r="7"/>',
  diamond: '<path d="M9 1 17 9 9 17 1 9Z"/>',
  'round-rectangle': '<rect x="1.5" y="3" width="15" height="12" rx="3"/>',
  hexagon: '<path d="M4.5 2h9L17 9l-3.5 7h-9L1 9Z"/>',
  'round-triangle': '<path d="M9 2 16.5 15.5h-15Z" stroke-linejoin="round"/>',
  rhomboid: '<path d="M5 3h12l-4 12H1Z"/>',
  vee: '<path d="M1 2 9 8l8-6-8 14Z"/>',
  star: '<path d="m9 1 2.4 5.2 5.6.6-4.2 3.8 1.2 5.6L9 13.4l-5 2.8 1.2-5.6L1 6.8l5.6-.6Z"/>',
  'round-tag': '<path d="M1.5 3h10l5 6-5 6h-10Z" stroke-linejoin="round"/>',
  'round-octagon': '<path d="M6 1h6l5 5v6l-5 5H6l-5-5V6Z" stroke-linejoin="round"/>',
};

function shapeIcon(kind: string): SVGElement {
  const s = KIND_STYLE[kind]!;
  const svg = svgEl('svg', { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true' });
  svg.innerHTML = SHAPE_PATHS[s.shape] ?? SHAPE_PATHS.ellipse!;
  svg.firstElementChild?.setAttribute('fill', s.fill);
  svg.firstElementChild?.setAttribute('stroke', s.border);
  svg.firstElementChild?.setAttribute('stroke-width', '1.5');
  return svg;
}

function lineIcon(color: string, style: string, arrow = true): SVGElement {
  const svg = svgEl('svg', { width: 30, height: 12, viewBox: '0 0 30 12', 'aria-hidden': 'true' });
  svg.append(svgEl('line', { x1: 1, y1: 6, x2: arrow ? 22 : 29, y2: 6, stroke: color, 'stroke-width': 2.2, 'stroke-dasharray': style === 'dashed' ? '5 3' : style === 'dotted' ? '1.5 2.5' : '' }));
  if (arrow) svg.append(svgEl('path', { d: 'M21 2 29 6 21 10Z', fill: color }));
  return svg;
}

function ring(color: string): SVGElement {
  const svg = svgEl('svg', { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true' });
  svg.append(svgEl('circle', { cx: 9, cy: 9, r: 8, fill: color, opacity: 0.55 }), svgEl('circle', { cx: 9, cy: 9, r: 4.5, fill: '#bfdbfe', stroke: '#1d4ed8' }));
  return svg;
}

const item = (icon: SVGElement, label: string) => h('li', {}, icon, label);

export function renderLegend(root: HTMLElement, view: View, brokers: boolean): void {
  const shapes = h('ul', { class: 'legend-list' }, ...Object.keys(KIND_STYLE).map((k) => item(shapeIcon(k), term(k))));
  const blocks: HTMLElement[] = [h('h2', { class: 'block' }, t('legend')), h('p', { class: 'legend-note' }, t('legendShapes')), shapes];
  if (view === 'chain') {
    blocks.push(h('p', { class: 'legend-note' }, t('legendGovernance')), h('ul', { class: 'legend-list' }, ...Object.entries(GOVERNANCE_COLOR).map(([g, c]) => item(lineIcon(c, 'solid'), term(g)))));
  } else if (view === 'joint') {
    blocks.push(h('p', { class: 'legend-note' }, t('legendForms')), h('ul', { class: 'legend-list' }, ...Object.entries(FORM_COLOR).map(([f, c]) => item(lineIcon(c, 'solid', false), term(f)))));
  }
  blocks.push(
    h('p', { class: 'legend-note' }, t('legendLines')),
    h('ul', { class: 'legend-list' }, ...Object.entries(LINK_STYLE).map(([ty, s]) => item(lineIcon(s.color, s.line, !['COOPERATES_WITH', 'JOINT_VENTURE', 'COMPETES_WITH'].includes(ty)), term(ty)))),
    h('p', { class: 'legend-note' }, t('legendDirected')),
    h('p', { class: 'legend-note' }, t('legendDashed')),
  );
  if (brokers) blocks.push(h('p', { class: 'legend-note' }, t('legendBrokers')), h('ul', { class: 'legend-list' }, ...Object.entries(ROLE_COLOR).map(([r, c]) => item(ring(c), term(r)))));
  blocks.push(
    h('p', { class: 'legend-note' }, t('legendMarks')),
    h('ul', { class: 'legend-list' },
      item(markIcon('#1d4ed8', 'double', 4), t('legendAggregate')),
      item(markIcon('#111827', 'solid', 3.5), t('legendPinned')),
      item(markIcon('#ca8a04', 'dashed', 3), t('legendProspect')),
      item(markIcon('#16a34a', 'solid', 3.5), t('legendMe'))),
  );
  root.replaceChildren(...blocks);
}

function markIcon(color: string, style: string, width: number): SVGElement {
  const svg = svgEl('svg', { width: 18, height: 18, viewBox: '0 0 18 18', 'aria-hidden': 'true' });
  svg.append(svgEl('circle', { cx: 9, cy: 9, r: 6.5, fill: '#bfdbfe', stroke: color, 'stroke-width': width, 'stroke-dasharray': style === 'dashed' ? '3 2' : '' }));
  if (style === 'double') svg.append(svgEl('circle', { cx: 9, cy: 9, r: 4, fill: 'none', stroke: color, 'stroke-width': 1 }));
  return svg;
}
