// The one place where Cytoscape extensions are registered (layouts and SVG export), once per page.
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';

let registered = false;

export function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  cytoscape.use(svg);
  registered = true;
}
