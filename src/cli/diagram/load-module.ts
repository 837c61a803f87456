import { createRequire } from 'node:module';

/** A module that could not be loaded because it is not installed. */
export class MissingModuleError extends Error {
  public constructor(
    public readonly moduleName: string,
    message: string,
  ) {
    super(message);
    this.name = 'MissingModuleError';
  }
}

/**
 * Loads a package relative to the kit: `require` first — which also loads an ES module on Node 20.19 and later —
 * then a native `import()` on older Nodes. Throws {@link MissingModuleError} with `whenMissing`
 * when the package is not installed.
 */
export async function loadModule<T>(name: string, whenMissing: string): Promise<T> {
  const nodeRequire = createRequire(__filename);
  try {
    return nodeRequire(name) as T;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'MODULE_NOT_FOUND') throw new MissingModuleError(name, whenMissing);
    if (code !== 'ERR_REQUIRE_ESM') throw error;
  }
  return (await import(name)) as T;
}
