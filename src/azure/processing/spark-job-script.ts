import type { IConstruct } from 'constructs';
import { validateName } from '../../core/naming';
import { PipelineNameRules } from '../private/pipeline-names';

/** Where a bound script lives: the published Synapse notebook a pipeline step runs. */
export interface SparkJobScriptLocation {
  /** The notebook's name, as the step's `SynapseNotebook` activity references it. */
  readonly notebook: string;
}

/**
 * The code a pipeline step runs on Azure, named like AWS's and GCP's `SparkJobScript`: a Synapse
 * notebook published in the warehouse's workspace (`fromNotebook`). Synapse notebooks are
 * workspace data-plane artifacts and azurerm has no resource for them, so the stack does not
 * deploy the code: publish the notebook (Synapse Studio, the workspace's Git integration or
 * `az synapse notebook import`) under this name before the pipeline first runs. The notebook
 * receives the step's zones as the parameters `source_path` and `target_path`.
 *
 * @see https://learn.microsoft.com/azure/synapse-analytics/synapse-notebook-activity
 * @example
 * const clean = SparkJobScript.fromNotebook('clean_orders');
 */
export abstract class SparkJobScript {
  /**
   * A notebook published in the workspace, by name: 1-260 characters, starting with a letter,
   * digit or '_', none of `< > * # . % & : \ + ? /` (Synapse's artifact names). A name that
   * breaks them is rejected with `DPK_INVALID_NAME` when the step binds it; a token passes.
   */
  public static fromNotebook(name: string): SparkJobScript {
    return new NotebookScript(name);
  }

  /**
   * Checks the script for the step it is given to (`prop`, e.g. `stepScripts['daily/clean']`,
   * in errors) and returns where it lives. Throws `DPK_INVALID_NAME` for a malformed name.
   */
  public abstract bind(scope: IConstruct, prop: string): SparkJobScriptLocation;
}

class NotebookScript extends SparkJobScript {
  constructor(private readonly name: string) {
    super();
  }

  public bind(scope: IConstruct, prop: string): SparkJobScriptLocation {
    return { notebook: validateName(scope, PipelineNameRules.SYNAPSE_ARTIFACT, prop, this.name) };
  }
}
