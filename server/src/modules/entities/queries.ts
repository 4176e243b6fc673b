// TRANSITIONAL: the clusters module still imports listEntities from here while it is being refactored.
export { listEntities, type ListArgs } from './service.js';
