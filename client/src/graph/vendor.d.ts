// Type stubs for Cytoscape extensions that ship none.
declare module 'cytoscape-fcose' {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module 'cytoscape-svg' {
  const ext: cytoscape.Ext;
  export default ext;
}
