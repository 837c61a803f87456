/**
 * The mesh's contract registry: each product's contract, in the Open Data Contract Standard's
 * shape, as one SSM parameter of the governance stack. Internal: not exported from the entry point.
 */
import type { Stack } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { contractParameterName, idPart, SSM_STANDARD_MAX_BYTES } from './mesh-names';
import type { DataMeshPlan } from '../../../patterns';
import { applyTags } from '../../private/tags';

/**
 * One `String` parameter per product at `/<mesh>/contracts/<domain>/<product>`, holding its
 * contract as JSON: the standard tier up to 4 KB, the advanced tier up to 8 KB (checked before
 * synthesis). Parameter Store keeps every version of a contract (its history), costs nothing in
 * the standard tier and needs no bucket, no upload and no custom resource. The contract stays
 * out of the product's Glue table (CloudFormation rewrites Iceberg tables on update).
 */
export function createContractRegistry(
  stack: Stack,
  plan: DataMeshPlan,
): Record<string, ssm.StringParameter> {
  const registry: Record<string, ssm.StringParameter> = {};
  plan.contracts.forEach((contract, i) => {
    const product = plan.products[i];
    const value = JSON.stringify(contract);
    const parameter = new ssm.StringParameter(
      stack,
      `Contract${idPart(product.domain)}${idPart(product.name)}`,
      {
        parameterName: contractParameterName(plan.name, product),
        stringValue: value,
        description: `Data contract of ${product.id} ${product.version} (Open Data Contract Standard)`,
        tier:
          Buffer.byteLength(value, 'utf8') > SSM_STANDARD_MAX_BYTES
            ? ssm.ParameterTier.ADVANCED
            : ssm.ParameterTier.STANDARD,
      },
    );
    applyTags(parameter, plan.tags);
    registry[product.id] = parameter;
  });
  return registry;
}
