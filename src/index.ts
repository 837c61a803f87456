// The root entry point: the cloud-neutral vocabulary only. Clouds load from their subpaths.
export * from './core';
export * from './patterns';
