// Cloud-neutral pattern specs: what a pattern means, decided once and rendered per cloud.
export * from './lakehouse';
export * from './mesh';
