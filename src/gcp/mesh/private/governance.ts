/**
 * The mesh's governance stack: the classification taxonomy (one policy tag per level, fine-grained
 * access control activated) and the contract registry (each product's contract as a JSON object
 * in a bucket with the kit's defaults). Internal: not exported from the entry point.
 */
import { DataCatalogPolicyTag } from '@cdktf/provider-google/lib/data-catalog-policy-tag';
import { DataCatalogTaxonomy } from '@cdktf/provider-google/lib/data-catalog-taxonomy';
import { StorageBucketObject } from '@cdktf/provider-google/lib/storage-bucket-object';
import type { Construct } from 'constructs';
import { contractObjectName, idPart, taxonomyName, taxonomyRegion } from './mesh-names';
import type { DataMeshSettings } from './mesh-settings';
import { dependsOnAll, enableApis, GoogleApi } from '../../private/project-services';
import { stateAuditLogsElsewhere } from '../../private/project-settings';
import { LakeStorage } from '../../storage/lake-storage';

/** The Data Catalog policy type that makes policy tags restrict column reads. */
export const FINE_GRAINED_ACCESS_CONTROL = 'FINE_GRAINED_ACCESS_CONTROL';
/** The registry bucket's one zone. */
export const CONTRACTS_ZONE = 'contracts';
/** Days a superseded contract version stays in the registry (object versions). */
export const CONTRACT_HISTORY_DAYS = 3650;

/** What the governance stack holds. */
export interface GovernanceParts {
  readonly taxonomy: DataCatalogTaxonomy;
  /** One policy tag per classification level, by level. */
  readonly policyTags: Readonly<Record<string, DataCatalogPolicyTag>>;
  /** The registry: a bucket (the `contracts` zone) with the kit's defaults. */
  readonly registry: LakeStorage;
  /** Each product's contract object, by product id. */
  readonly contracts: Readonly<Record<string, StorageBucketObject>>;
}

/**
 * The taxonomy in the mesh's location (a column's policy tag must be in its table's location),
 * a policy tag per level, lowest first; the registry bucket and one object per contract at
 * `contracts/<domain>/<product>.json`, its versions the contract's history.
 */
export function createGovernance(stack: Construct, s: DataMeshSettings): GovernanceParts {
  const project = s.governanceProject;
  const apis = enableApis(stack, true, project, GoogleApi.DATA_CATALOG);
  const taxonomy = new DataCatalogTaxonomy(stack, 'Taxonomy', {
    project,
    region: taxonomyRegion(s.location),
    displayName: taxonomyName(s.plan.name),
    description: `Classification levels of the ${s.plan.name} data mesh, lowest first: ${s.plan.classifications.join(', ')}. A column's tag restricts who reads it.`,
    activatedPolicyTypes: [FINE_GRAINED_ACCESS_CONTROL],
    dependsOn: dependsOnAll(apis),
  });
  const policyTags = Object.fromEntries(
    s.plan.classifications.map((level, i) => [
      level,
      new DataCatalogPolicyTag(stack, `${idPart(level)}PolicyTag`, {
        taxonomy: taxonomy.id,
        displayName: level,
        description: `Classification level ${i + 1} of ${s.plan.classifications.length} of the ${s.plan.name} data mesh.`,
      }),
    ]),
  );
  const registry = new LakeStorage(stack, 'ContractRegistry', {
    platformName: s.plan.name,
    project,
    location: s.location,
    zones: [{ name: CONTRACTS_ZONE, noncurrentVersionExpirationDays: CONTRACT_HISTORY_DAYS }],
    tags: s.plan.tags,
    // The project's storage audit config is authoritative: a domain's lakehouse in the same
    // project owns it.
    dataAccessLogs: !Object.values(s.projects).includes(project),
  });
  if (Object.values(s.projects).includes(project)) {
    stateAuditLogsElsewhere(Object.values(registry.buckets));
  }
  const bucket = registry.bucketFor(CONTRACTS_ZONE);
  const contracts: Record<string, StorageBucketObject> = {};
  s.plan.contracts.forEach((contract, i) => {
    const product = s.plan.products[i];
    contracts[product.id] = new StorageBucketObject(
      stack,
      `Contract${idPart(product.domain)}${idPart(product.name)}`,
      {
        bucket: bucket.name,
        name: contractObjectName(product),
        content: JSON.stringify(contract, undefined, 2),
        contentType: 'application/json',
        metadata: { product: product.id, version: product.version },
      },
    );
  });
  return { taxonomy, policyTags, registry, contracts };
}
