// Viewer entry point (see issue: the Cytoscape viewer). Until the workbench lands, the page says what the
// service is and links to the GraphQL IDE.
const app = document.getElementById('app');
if (app) {
  app.innerHTML = '<h1>Cluster graph</h1><p>Knowledge graph of industrial clusters and value chains. Query it in the <a href="/graphql">GraphQL IDE</a>.</p>';
}
