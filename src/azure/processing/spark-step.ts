/**
 * One step of a batch pipeline on Azure: a published Synapse notebook or Spark job definition
 * that reads one lake zone and writes another. `SparkJob` grants the workspace identity exactly
 * the steps' zones; `Pipeline` runs the steps in declaration order.
 *
 * Synapse notebooks and Spark job definitions are workspace data-plane artifacts: azurerm has no
 * resource for them. Publish them from Synapse Studio, the workspace's Git integration or
 * `az synapse notebook import` / `az synapse spark-job-definition create` (from a runner that
 * reaches the workspace's development endpoint), under the names the steps give.
 *
 * Each step is told where to read and write: a notebook gets the parameters
 * {@link SPARK_STEP_PATH_PARAMETERS} (`source_path`, `target_path`, the zones' `abfss://` roots)
 * in its parameters cell; a Spark job definition gets the arguments `--source_path <uri>
 * --target_path <uri>` (replacing the definition's own arguments), then `--<name> <value>` for
 * each of the step's `parameters`.
 *
 * @see https://learn.microsoft.com/azure/synapse-analytics/synapse-notebook-activity
 * @see https://learn.microsoft.com/azure/synapse-analytics/spark/apache-spark-job-definitions
 * @example
 * const steps: SparkStep[] = [
 *   { name: 'clean', sourceZone: 'raw', targetZone: 'curated', notebook: 'clean_orders' },
 *   { name: 'publish', sourceZone: 'curated', targetZone: 'serving', sparkJobDefinition: 'publish-orders' },
 * ];
 */
export interface SparkStep {
  /**
   * Step name (1-20 of a-z, 0-9 and '-', starting with a letter): the pipeline activity's name,
   * unique within the job.
   */
  readonly name: string;
  /** The zone the step reads: the workspace identity gets read access to it. */
  readonly sourceZone: string;
  /**
   * The zone the step writes, another than `sourceZone`: the workspace identity gets read and write
   * access (Spark's output committer lists, renames and deletes, so write-only is not enough).
   */
  readonly targetZone: string;
  /**
   * The published Synapse notebook the step runs. Exactly one of `notebook` and
   * `sparkJobDefinition` is given.
   * @default - none; `sparkJobDefinition` runs
   */
  readonly notebook?: string;
  /**
   * The published Synapse Spark job definition the step runs. Exactly one of `notebook` and
   * `sparkJobDefinition` is given.
   * @default - none; `notebook` runs
   */
  readonly sparkJobDefinition?: string;
  /**
   * Extra parameters: notebook parameters, or `--<name> <value>` arguments of a Spark job
   * definition. Names are 1-64 of letters, digits and '_'; `source_path` and `target_path` are
   * the kit's. Values may be ADF expressions (`@pipeline().TriggerTime`).
   * @default - only the kit's path parameters
   */
  readonly parameters?: Readonly<Record<string, string>>;
}

/** The parameters (and Spark job arguments) through which every step learns its zones' roots. */
export const SPARK_STEP_PATH_PARAMETERS = {
  /** `abfss://<source container>@<account>.dfs.core.windows.net/`. */
  SOURCE: 'source_path',
  /** `abfss://<target container>@<account>.dfs.core.windows.net/`. */
  TARGET: 'target_path',
} as const;
