export * from './engine';
export * from './intent';
export * from './rule';
