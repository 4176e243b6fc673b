/**
 * Pietrobelli & Rabellotti (2004) print the pattern of governance of each cluster's value chains as one
 * code per Humphrey–Schmitz type (Tables 4, 8 and 12), with this legend: "0=absent; 1=domestic chain;
 * 2=global chain; 3=domestic and global chains".
 */
export const GOVERNANCE_CODE_LEGEND = {
  0: { label: 'absent', meaning: 'No value chain of the cluster has this pattern of governance.' },
  1: { label: 'domestic', meaning: 'Present in a value chain serving the domestic market.' },
  2: { label: 'global', meaning: 'Present in a value chain serving global markets.' },
  3: { label: 'domestic and global', meaning: 'Present both in domestic and in global value chains.' },
} as const;

export type GovernanceCodeValue = keyof typeof GOVERNANCE_CODE_LEGEND;

/** Stored property suffix → Humphrey–Schmitz type, in the tables' column order. */
export const GOVERNANCE_CODE_COLUMNS = [
  ['market', 'market'],
  ['network', 'network'],
  ['quasiHierarchy', 'quasi_hierarchy'],
  ['hierarchy', 'hierarchy'],
] as const;

/** A printed code with its type, label and meaning; null when nothing was printed (n.a.). */
export function governanceCode(governance: string, code: unknown) {
  if (typeof code !== 'number' || !(code in GOVERNANCE_CODE_LEGEND)) return null;
  const legend = GOVERNANCE_CODE_LEGEND[code as GovernanceCodeValue];
  return { governance, code, label: legend.label, meaning: legend.meaning };
}
