import { provenanceFromRow } from './provenance.js';

type Props = Record<string, unknown>;

/**
 * The one reading of a relationship's qualifier, for `Link.qualifier` and `Edge.qualifier` alike: the
 * support type of SUPPORTS, the chain position of PARTICIPATES_IN, the market of SELLS_TO, and what flows
 * along SUPPLIES / SUBCONTRACTOR_OF / SELLS_TO (`what`) when nothing more specific is stored.
 */
export function qualifierOf(props: Props): string | null {
  const v = props.supportType ?? props.position ?? props.market ?? props.what ?? null;
  if (v === null || v === undefined) return null;
  return Array.isArray(v) ? v.map(String).join(', ') : String(v);
}

const int = (v: unknown) => (typeof v === 'number' ? v : null);

/** The fields a relationship shows whatever it is reached through (a link of an entity, an edge of a subgraph). */
export function relationshipFields(props: Props) {
  return {
    form: typeof props.form === 'string' ? props.form : null,
    qualifier: qualifierOf(props),
    validFrom: int(props.validFrom),
    validUntil: int(props.validUntil),
    provenance: provenanceFromRow(props, 'source_'),
    properties: props,
  };
}

/** A relationship row from Cypher: its type, end ids and stored properties. */
export interface EdgeRow {
  id?: string | null;
  type: string;
  source: string;
  target: string;
  props?: Props | null;
}

/** The GraphQL Edge shape (subgraphs, paths, chain traces): one mapper used everywhere. */
export function toEdge(r: EdgeRow) {
  const props = r.props ?? {};
  return { id: String(r.id ?? props.id ?? ''), type: r.type, source: r.source, target: r.target, ...relationshipFields(props) };
}
