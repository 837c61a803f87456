export * from './blocks';
export * from './errors';
export * from './naming';
export * from './ranges';
export * from './removal';
export * from './tags';
export * from './tokens';
export * from './zones';
