import type cytoscape from 'cytoscape';
import type { ElementSet } from '../graph/elements.js';
import type { LayoutKind } from '../graph/controller.js';

/** What a view's loader hands to the controller. */
export interface ViewResult {
  set: ElementSet;
  layout: LayoutKind;
  extra?: cytoscape.ElementDefinition[];
  /** Which server limit cut the answer short, when one did. */
  truncatedBy?: string | null;
}
