export * from './engine';
export * from './rule';
