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

/**
 * The fields a relationship shows whatever it is reached through (a link of an entity, an edge of a subgraph),
 * each read from its stored properties only when a request selects it: a subgraph of thousands of edges that
 * shows ids and ends builds no provenance object for any of them.
 */
export const relationshipField = {
  form: (props: Props) => (typeof props.form === 'string' ? props.form : null),
  qualifier: qualifierOf,
  validFrom: (props: Props) => int(props.validFrom),
  validUntil: (props: Props) => int(props.validUntil),
  provenance: (props: Props) => provenanceFromRow(props, 'source_'),
};

/** A relationship row from Cypher: its type, end ids and stored properties. */
export interface EdgeRow {
  id?: string | null;
  type: string;
  source: string;
  target: string;
  props?: Props | null;
}

/** The GraphQL Edge's model (subgraphs, paths, chain traces): its other fields are resolved from `props`. */
export interface EdgeModel {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Props;
}

/**
 * A relationship row as the GraphQL Edge's model: one mapper used everywhere. A row already in that shape
 * (with its id and properties: what the statements return) is the model itself, not copied.
 */
export function toEdge(r: EdgeRow): EdgeModel {
  if (typeof r.id === 'string' && r.props) return r as EdgeModel;
  const props = r.props ?? {};
  return { id: String(r.id ?? props.id ?? ''), type: r.type, source: r.source, target: r.target, props };
}
