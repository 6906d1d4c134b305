export * from './types';
export * from './items';
export * from './lists';
export * from './vocabulary';
export { fieldSchemaXml } from './fieldXml';
export { REGISTER_SEARCH_PROPERTIES, REGISTER_SEARCH_SCHEMA } from './searchSchema';
