/**
 * Management-plane actions of the kit's "pipeline operator" custom role: start a Data Factory
 * pipeline, follow and cancel its runs, read its activity runs and the trigger runs. Nothing that
 * edits the factory, its pipelines or its linked services. Azure has no built-in role this narrow
 * ("Data Factory Contributor" is `Microsoft.DataFactory/factories/*`).
 * @see https://learn.microsoft.com/azure/role-based-access-control/permissions/analytics#microsoftdatafactory
 * @example
 * PIPELINE_OPERATOR_ACTIONS.includes('Microsoft.DataFactory/factories/pipelines/createrun/action'); // true
 */
export const PIPELINE_OPERATOR_ACTIONS: readonly string[] = [
  'Microsoft.DataFactory/factories/read',
  'Microsoft.DataFactory/factories/pipelines/read',
  'Microsoft.DataFactory/factories/pipelines/createrun/action',
  'Microsoft.DataFactory/factories/pipelineruns/read',
  'Microsoft.DataFactory/factories/pipelineruns/cancel/action',
  'Microsoft.DataFactory/factories/pipelineruns/queryactivityruns/action',
  'Microsoft.DataFactory/factories/querypipelineruns/action',
  'Microsoft.DataFactory/factories/triggerruns/read',
  'Microsoft.DataFactory/factories/querytriggerruns/action',
];
