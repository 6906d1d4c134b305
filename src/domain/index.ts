// The policy engine's public face. Everything outside src/domain imports from here only.
export * from './errors';
export * from './dates';
export * from './money';
export * from './contract';
export * from './themes';
export * from './authorities';
export * from './tier';
export * from './weighting';
export * from './measures';
export * from './lifecycle';
export * from './entities';
export * from './socialValue';
export * from './thresholds';
export * from './policyEdition';
export * from './periods';
export * from './validation';
export * from './commitments';
