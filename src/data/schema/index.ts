export * from './types';
export * from './items';
export * from './lists';
export * from './vocabulary';
export { fieldSchemaXml } from './fieldXml';
