/** What every cloud's renderer receives and returns. */
import type { SynthProgress } from './progress';
import type { CloudName, SpecFile } from '../spec/spec-file';

/** The `Lakehouse` construct's id in its stack when the section names none (the examples' id). */
export const DEFAULT_LAKEHOUSE_ID = 'Lakehouse';
/** The `DataMesh` construct's id when the section names none. */
export const DEFAULT_MESH_ID = 'Mesh';

/** One stack a renderer wrote. */
export interface RenderedStack {
  /** The stack's name: the CloudFormation stack name (AWS) or the Terraform stack (GCP, Azure). */
  readonly name: string;
  /** How many resources it declares. */
  readonly resources: number;
  /** Absolute path of its `*.template.json` or `cdk.tf.json`. */
  readonly file: string;
  /** Its unacknowledged compliance findings, one line each (empty when compliance was not checked). */
  readonly findings: readonly string[];
}

/** A request to render one spec file on one cloud. */
export interface RenderRequest {
  /** The spec file, loaded and validated. */
  readonly file: SpecFile;
  /** The cloud's output folder (created by the engine). */
  readonly outDir: string;
  /** Whether the cloud's compliance packs run, as the examples' main.ts gate synthesis. */
  readonly compliance: boolean;
  /** Where progress goes. */
  readonly progress: SynthProgress;
}

/** What a renderer did: the stacks it wrote, in deploy order. */
export interface RenderResult {
  readonly stacks: readonly RenderedStack[];
}

/** A cloud's renderer: loads its engine and the kit's modules for that cloud only when called. */
export type Renderer = (request: RenderRequest) => Promise<RenderResult>;

/** The cloud's section of the file, typed by the caller (the loader checked it against the schema). */
export function sectionOf<T>(file: SpecFile, cloud: CloudName): T | undefined {
  return file.clouds[cloud] as T | undefined;
}
