// The drawing as PNG (Cytoscape's own renderer) and SVG (cytoscape-svg), on a white background.
import type cytoscape from 'cytoscape';

export function pngBlob(cy: cytoscape.Core): Blob {
  return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff', maxWidth: 8000, maxHeight: 8000 });
}

export function svgText(cy: cytoscape.Core): string {
  return (cy as unknown as { svg(o: object): string }).svg({ full: true, scale: 1, bg: '#ffffff' });
}
