import { loadModule } from './load-module';

/** The part of @hpcc-js/wasm-graphviz the diagram uses. */
interface GraphvizModule {
  readonly Graphviz: { load(): Promise<{ dot(source: string, format: 'svg'): string }> };
}

/**
 * Lays a DOT digraph out with Graphviz (compiled to WebAssembly: offline, nothing to install)
 * and returns the SVG. Loaded only when an SVG or PNG is asked for. Deterministic for one
 * Graphviz version.
 */
export async function renderSvg(dot: string): Promise<string> {
  const { Graphviz } = await loadModule<GraphvizModule>(
    '@hpcc-js/wasm-graphviz',
    'dpk diagram: SVG and PNG need @hpcc-js/wasm-graphviz, a dependency of data-platform-kit that is missing: reinstall the kit (npm install), or use --format mermaid or dot',
  );
  const graphviz = await Graphviz.load();
  return graphviz.dot(dot, 'svg');
}
