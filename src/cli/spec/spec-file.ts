import type { SpecSource } from './source';
import type { DataMeshSpec, LakehouseSpec } from '../../patterns';

/** The clouds `dpk` renders to. */
export type CloudName = 'aws' | 'gcp' | 'azure';

/** Every cloud, in the order `--cloud all` renders them. */
export const CLOUDS: readonly CloudName[] = ['aws', 'gcp', 'azure'];

/** The patterns a spec file can declare. */
export type PatternName = 'lakehouse' | 'mesh';

/**
 * A spec file that has been read and validated (schema and kit validation): the pattern's
 * cloud-neutral spec and the per-cloud sections it holds. `loadSpecFile` (./load) returns it.
 */
export type SpecFile = LakehouseSpecFile | MeshSpecFile;

/** A lakehouse spec file. */
export interface LakehouseSpecFile {
  readonly pattern: 'lakehouse';
  /** The file's absolute path; relative paths in it (step scripts) resolve against its folder. */
  readonly path: string;
  readonly spec: LakehouseSpec;
  /** The per-cloud sections present in the file, by cloud (their shapes: ./sections). */
  readonly clouds: Partial<Record<CloudName, unknown>>;
  /**
   * The file's text with source positions, to point errors found later (at synth) at their lines.
   * @default - read again from `path` when needed
   */
  readonly source?: SpecSource;
}

/** A data mesh spec file. */
export interface MeshSpecFile {
  readonly pattern: 'mesh';
  /** The file's absolute path; relative paths in it (step scripts) resolve against its folder. */
  readonly path: string;
  readonly spec: DataMeshSpec;
  /** The per-cloud sections present in the file, by cloud (their shapes: ./sections). */
  readonly clouds: Partial<Record<CloudName, unknown>>;
  /**
   * The file's text with source positions, to point errors found later (at synth) at their lines.
   * @default - read again from `path` when needed
   */
  readonly source?: SpecSource;
}
