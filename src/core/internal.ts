// The kit's own barrel of everything in core, public and internal. Entry points never export it:
// the `core` entry point (index.ts) is the public vocabulary.
export * from './blocks';
export * from './cidr';
export * from './compliance';
export * from './errors';
export * from './naming';
export * from './ranges';
export * from './removal';
export * from './stateful';
export * from './tags';
export * from './tokens';
export * from './zones';
