/**
 * The reasons behind the intents the AWS blocks state on their own resources (framework helpers
 * are acknowledged in `compliance/acknowledgements.ts`). Two kinds only: wildcard resources a
 * role the block made inherently needs (never on a data resource), and settings where a rule
 * contradicts a stronger kit guarantee or a service constraint (listed per block, e.g.
 * `STREAM_INGESTION_ACKNOWLEDGEMENTS`; tests pin each to its resource). Which rule ids each
 * intent answers is the packs' business: `compliance/intents.ts`.
 */
import type { IConstruct } from 'constructs';
import { stateWildcardResources } from '../compliance/intents';

/**
 * The roles the blocks make whose policies inherently name wildcard resources, and why: every
 * acknowledgement the Network, Catalog, Warehouse, SparkJob and Pipeline make, in one place. Each goes on the
 * role itself (an `AWS::IAM::Role` and its default policy), never on a data resource.
 */
export const INHERENT_WILDCARD_REASONS = {
  /** `Catalog`'s Lake Formation location role: every object of each registered zone. */
  LOCATION_ROLE:
    'Lake Formation reads and writes every object of each registered zone on behalf of its grantees: that is what registering the location is for.',
  /** `Warehouse`'s default role: every table of each zone it reads, and `lakeformation:GetDataAccess`. */
  WAREHOUSE_ROLE:
    'Reading every table of a zone the warehouse serves is the intent of the grant; lakeformation:GetDataAccess has no resource-level permissions.',
  /** `SparkJob`'s role: every object of its source zone (read) and of its target zone (read-write). */
  SPARK_JOB_ZONES:
    'A Spark step reads every object of its source zone and writes objects it names at run time in its target zone: that is what the step is for.',
  /** `SparkJob`'s role: the log streams Glue opens per run in the job's own log groups. */
  SPARK_JOB_LOG_STREAMS:
    "Glue names a job's log streams per run (run id, driver, executors), so writing is scoped to the job's own log groups, not to single streams.",
  /** `SparkJob`'s role in a network: EC2 describe calls and the network interfaces Glue creates. */
  SPARK_JOB_NETWORK:
    'Glue creates and deletes the network interfaces of a job run in the connection subnet; the ec2:Describe* calls it makes first have no resource-level permissions.',
  /** `Pipeline`'s state machine role: CloudWatch Logs delivery and X-Ray. */
  STATE_MACHINE_ROLE:
    'Step Functions log delivery (logs:*LogDelivery, resource policies) and X-Ray tracing (xray:Put*, GetSampling*) have no resource-level permissions.',
} as const;

/**
 * States, on `grantee` (a role the block itself made, never a data resource), that the wildcard
 * resources its grants name are inherent to its purpose, with `reason` (one of
 * {@link INHERENT_WILDCARD_REASONS}).
 */
export function acknowledgeWildcards(
  grantee: IConstruct,
  resourceArns: readonly string[],
  reason: string,
): void {
  stateWildcardResources(grantee, resourceArns, reason);
}
