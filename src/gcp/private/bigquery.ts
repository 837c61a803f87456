import { BigqueryDataset } from '@cdktf/provider-google/lib/bigquery-dataset';
import { BigqueryDatasetIamMember } from '@cdktf/provider-google/lib/bigquery-dataset-iam-member';
import { DataGoogleBigqueryDefaultServiceAccount } from '@cdktf/provider-google/lib/data-google-bigquery-default-service-account';
import type { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import type { ProjectService } from '@cdktf/provider-google/lib/project-service';
import { Construct, type IConstruct } from 'constructs';
import { kmsLocationFor, validateLocation } from './location';
import { grantSuffix } from './members';
import { GcpNameRules, underscored } from './names';
import { providerProject } from './providers';
import { ZoneAccess } from '../../core/blocks';
import { ErrorCode, ValidationError } from '../../core/errors';
import { physicalName } from '../../core/naming';
import type { Tags } from '../../core/tags';
import { isUnresolved } from '../../core/tokens';
import { constructIdFrom } from '../../core/zones';
import { type ITerraformDependable, propagationWait, warn } from '../../terraform';
import { CATALOG_ROLES, WRITE_INCLUDES_READ_WARNING } from '../catalog/roles';
import { type IPrincipal, Principal } from '../iam/principal';
import type { IEncryptionKey } from '../security/encryption-key';

/** Shortest and longest time-travel window BigQuery allows, in hours (multiples of 24). */
export const TIME_TRAVEL_HOURS = { MIN: 48, MAX: 168 } as const;

/**
 * Validates a BigQuery dataset location (`DPK_INVALID_LOCATION`): a region or the `EU` / `US`
 * multi-regions. Cloud Storage's `ASIA` multi-region has no BigQuery counterpart. Tokens pass.
 */
export function validateBigQueryLocation(scope: IConstruct, location: string, prop = 'location'): string {
  validateLocation(scope, location, prop);
  if (location === 'ASIA') {
    throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
      prop,
      received: location,
      allowed:
        "a BigQuery location: a region like 'asia-east1' or the multi-regions 'EU', 'US' (BigQuery has no ASIA multi-region)",
    });
  }
  return location;
}

/** Throws `DPK_INVALID_LOCATION` unless `key` is in the Cloud KMS location that fits `location`. */
export function checkKeyLocation(
  scope: IConstruct,
  key: IEncryptionKey,
  location: string,
  prop: string,
): void {
  const expected = kmsLocationFor(location);
  if (isUnresolved(expected) || isUnresolved(key.location) || key.location === expected) return;
  throw ValidationError.of(ErrorCode.INVALID_LOCATION, scope, {
    prop,
    received: key.location,
    allowed: `a key in Cloud KMS location ${JSON.stringify(expected)}, matching the BigQuery location ${JSON.stringify(location)}`,
  });
}

/** Throws `DPK_OUT_OF_RANGE` unless `hours` is 48-168 and a multiple of 24; tokens pass. */
export function validateTimeTravelHours(scope: IConstruct, hours: number, prop = 'timeTravelHours'): number {
  if (isUnresolved(hours)) return hours;
  if (
    !Number.isInteger(hours) ||
    hours < TIME_TRAVEL_HOURS.MIN ||
    hours > TIME_TRAVEL_HOURS.MAX ||
    hours % 24
  ) {
    throw ValidationError.of(ErrorCode.OUT_OF_RANGE, scope, {
      prop,
      received: hours,
      allowed: `a multiple of 24 from ${TIME_TRAVEL_HOURS.MIN} to ${TIME_TRAVEL_HOURS.MAX}`,
    });
  }
  return hours;
}

/** The project id to write where Terraform needs one: the given project, or the provider's. */
export function projectIdOf(scope: Construct, project: string | undefined): string {
  return project ?? providerProject(scope);
}

/** BigQuery's encryption service agent, granted on `key` once per project. */
export interface BigQueryAgentGrant {
  readonly agent: DataGoogleBigqueryDefaultServiceAccount;
  readonly grant: KmsCryptoKeyIamMember;
  /** The wait between the grant and the first dataset (IAM propagation); datasets depend on it. */
  readonly wait: ITerraformDependable;
}

/**
 * Looks up the project's BigQuery service agent (`google_bigquery_default_service_account`,
 * which also creates it) and grants it encrypt/decrypt on `key`; datasets must depend on the grant.
 */
export function grantBigQueryAgentOnKey(
  scope: Construct,
  project: string | undefined,
  key: IEncryptionKey,
  apis: readonly ProjectService[],
): BigQueryAgentGrant {
  // No depends_on: a data source with one is re-read at apply whenever an API changes, and the
  // member built from it would turn unknown and replace the key grant. bigquery.googleapis.com
  // is on by default in new projects (see docs/deploying-gcp.md).
  void apis;
  const agent = new DataGoogleBigqueryDefaultServiceAccount(scope, 'BigQueryServiceAgent', { project });
  // One grant per project on a shared key, however many blocks use it.
  const agentKey =
    project === undefined ? '<provider project>' : isUnresolved(project) ? scope.node.path : project;
  const grant = key.grantEncryptDecrypt(
    Principal.fromMember(`serviceAccount:${agent.email}`, `bigquery-service-agent:${agentKey}`),
  );
  return { agent, grant, wait: propagationWait(scope, 'BigQueryKeyGrantWait', [grant], 60) };
}

/**
 * The dataset id of `zone`: the validated `override` (`datasetIds[zone]`, `DPK_INVALID_NAME`), or
 * `<platform>_<zone>_<hash>`. Derived before any resource exists, so a bad id fails first.
 */
export function hardenedDatasetId(
  scope: IConstruct,
  platform: string,
  zone: string,
  override: string | undefined,
): string {
  return physicalName(scope, GcpNameRules.BIGQUERY_DATASET, {
    platform: underscored(platform),
    parts: [underscored(zone)],
    override,
    overrideProp: `datasetIds[${JSON.stringify(zone)}]`,
  });
}

/** What a hardened dataset is made of. */
export interface DatasetSpec {
  readonly zone: string;
  readonly project?: string;
  readonly location: string;
  readonly key: IEncryptionKey;
  /** The dataset id ({@link hardenedDatasetId}). */
  readonly datasetId: string;
  readonly timeTravelHours: number;
  readonly labels: Tags;
  readonly description: string;
  readonly dependsOn: readonly ITerraformDependable[];
}

/**
 * A BigQuery dataset with the kit's defaults: CMEK for new tables, no `access` entries (BigQuery
 * keeps its project-role defaults; grants go through dataset IAM), `delete_contents_on_destroy`
 * false, the time-travel window, labels, and a dependency on the service agent's key grant.
 */
export function newHardenedDataset(scope: Construct, spec: DatasetSpec): BigqueryDataset {
  return new BigqueryDataset(scope, `${constructIdFrom(spec.zone)}Dataset`, {
    project: spec.project,
    location: spec.location,
    datasetId: spec.datasetId,
    description: spec.description,
    defaultEncryptionConfiguration: { kmsKeyName: spec.key.cryptoKeyId },
    deleteContentsOnDestroy: false,
    maxTimeTravelHours: String(spec.timeTravelHours),
    labels: { ...spec.labels },
    dependsOn: [...spec.dependsOn],
  });
}

/** Where a dataset lives, for IAM grants. */
export interface DatasetRef {
  readonly zone: string;
  readonly datasetId: string;
  readonly project?: string;
}

/**
 * Grants `access` on one dataset through dataset IAM (`CATALOG_ROLES`), once per principal, role
 * and zone: WRITE and READ_WRITE share one `dataEditor` member, since two member resources for
 * one binding would revoke it when either goes. Warns when WRITE also grants read.
 */
export function grantOnDataset(
  scope: Construct,
  dataset: DatasetRef,
  principal: IPrincipal,
  access: ZoneAccess,
): BigqueryDatasetIamMember {
  const role = CATALOG_ROLES[access];
  if (access === ZoneAccess.WRITE) {
    warn(
      scope,
      WRITE_INCLUDES_READ_WARNING,
      `BigQuery has no write-only dataset role: WRITE on zone '${dataset.zone}' grants ${role}, which can also read.`,
    );
  }
  const roleId = constructIdFrom(role.replace(/^roles\/bigquery\./, ''));
  const id = `${roleId}${constructIdFrom(dataset.zone)}${grantSuffix(scope, principal)}`;
  return (
    (scope.node.tryFindChild(id) as BigqueryDatasetIamMember | undefined) ??
    new BigqueryDatasetIamMember(scope, id, {
      project: dataset.project,
      datasetId: dataset.datasetId,
      role,
      member: principal.iamMember,
    })
  );
}

/** Validates per-zone overrides (`datasetIds`): every key must be one of `zones` (`DPK_UNKNOWN_ZONE`). */
export function checkZoneKeys(
  scope: IConstruct,
  prop: string,
  byZone: Readonly<Record<string, unknown>> | undefined,
  zones: readonly string[],
): void {
  ValidationError.throwIfAny(
    ErrorCode.UNKNOWN_ZONE,
    scope,
    Object.keys(byZone ?? {})
      .filter((zone) => !zones.includes(zone))
      .map((zone) => ({
        prop: `${prop}[${JSON.stringify(zone)}]`,
        received: zone,
        allowed: `one of the zones: ${zones.join(', ')}`,
      })),
  );
}
