/**
 * Naming rules of the Azure resources the processing and orchestration blocks make, in core's
 * `NameRule` shape so `physicalName` derives and validates them. Internal: nothing here is
 * exported from the entry point (candidates for core's `NameRules`).
 */
import type { NameRule } from '../../core/naming';

const startsLetter = (n: string) => (/^[a-zA-Z]/.test(n) ? undefined : 'start with a letter');
const startsAlnum = (n: string) => (/^[a-zA-Z0-9]/.test(n) ? undefined : 'start with a letter or digit');
const startsWordChar = (n: string) =>
  /^[a-zA-Z0-9_]/.test(n) ? undefined : "start with a letter, digit or '_'";
const endsAlnum = (n: string) => (/[a-zA-Z0-9]$/.test(n) ? undefined : 'end with a letter or digit');
const noDoubleHyphen = (n: string) => (n.includes('--') ? "not contain '--'" : undefined);

/** Naming rules of the Spark pool, the data factory and the Synapse artifacts a step runs. */
export const PipelineNameRules = {
  /**
   * Synapse Spark pool: 1-15 letters and digits, starting with a letter (azurerm's
   * `SparkPoolName`). Unique in the workspace.
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftsynapse
   */
  SPARK_POOL: {
    target: 'Synapse Spark pool name',
    minLength: 1,
    maxLength: 15,
    charset: /[a-zA-Z0-9]/,
    separator: '',
    extraChecks: [startsLetter],
    allowed: '1-15 letters and digits, starting with a letter',
  },
  /**
   * Data factory: 3-63 letters, digits and '-', alphanumeric at both ends, every '-' between two
   * letters or digits (azurerm's `DataFactoryName`); globally unique
   * (`<name>.<region>.datafactory.azure.net`).
   * @see https://learn.microsoft.com/azure/data-factory/naming-rules
   */
  DATA_FACTORY: {
    target: 'data factory name',
    minLength: 3,
    maxLength: 63,
    charset: /[a-zA-Z0-9-]/,
    separator: '-',
    extraChecks: [startsAlnum, endsAlnum, noDoubleHyphen],
    allowed:
      "3-63 characters of letters, digits and '-', starting and ending with a letter or digit, without '--'",
  },
  /**
   * A published Synapse notebook or Spark job definition a step runs: 1-260 characters, starting
   * with a letter, digit or '_', none of `< > * # . % & : \ + ? /` (the artifact-name pattern of
   * Synapse's REST API, `^[A-Za-z0-9_][^<>*#.%&:\\+?/]*$`, e.g. `Notebook 1`).
   * @see https://github.com/Azure/azure-rest-api-specs/blob/main/specification/synapse/data-plane/Microsoft.Synapse/stable/2020-12-01/artifacts.json
   */
  SYNAPSE_ARTIFACT: {
    target: 'Synapse notebook or Spark job definition name',
    minLength: 1,
    maxLength: 260,
    charset: /[^<>*#.%&:\\+?/]/,
    separator: '_',
    extraChecks: [startsWordChar],
    allowed:
      "1-260 characters, starting with a letter, digit or '_', without any of < > * # . % & : \\ + ? /",
  },
  /**
   * A notebook parameter (a Python variable in the notebook's parameters cell) or a Spark job
   * argument name: 1-64 letters, digits and '_', not starting with a digit.
   */
  STEP_PARAMETER: {
    target: 'step parameter name',
    minLength: 1,
    maxLength: 64,
    charset: /[a-zA-Z0-9_]/,
    separator: '_',
    extraChecks: [(n) => (/^[0-9]/.test(n) ? 'not start with a digit' : undefined)],
    allowed: "1-64 characters of letters, digits and '_', not starting with a digit",
  },
} satisfies Record<string, NameRule>;
