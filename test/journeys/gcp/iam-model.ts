/**
 * An IAM evaluator over a synthesized GCP Terraform document: it reads every `*_iam_member`
 * binding (project, bucket, dataset, topic, connection, key, service account), resolves its role
 * to permissions (predefined roles from the checked-in, sourced table `roles.json`; custom roles
 * from the synthesized `google_project_iam_custom_role`), and answers whether an identity holds a
 * permission on a resource. Project-level bindings reach every resource of the project; a binding
 * with an IAM condition `resource.name == "<name>"` reaches only that resource.
 */
import ROLE_TABLE from './roles.json';
import type { TfDocument } from '../../helpers/tf-template';

/** A resource address (`google_storage_bucket.X`) or `project` for the project itself. */
export type Target = string;

/** One IAM binding as synthesized. */
export interface Binding {
  /** The resource address of the binding (`iam_member` resource), for messages. */
  readonly address: string;
  /** Who: a `google_service_account.X` address, or the member string when it is no kit account. */
  readonly identity: string;
  readonly role: string;
  /** The resource granted on, or `project`. */
  readonly target: Target;
  /** The resource name a condition limits the binding to. */
  readonly conditionResourceName?: string;
}

/** Which attribute of which resource type an `iam_member` resource names its target by. */
const TARGET_ATTRIBUTE: Readonly<Record<string, string>> = {
  google_storage_bucket_iam_member: 'bucket',
  google_bigquery_dataset_iam_member: 'dataset_id',
  google_pubsub_topic_iam_member: 'topic',
  google_pubsub_subscription_iam_member: 'subscription',
  google_bigquery_connection_iam_member: 'connection_id',
  google_kms_crypto_key_iam_member: 'crypto_key_id',
  google_service_account_iam_member: 'service_account_id',
  google_bigquery_table_iam_member: 'table_id',
  google_data_catalog_policy_tag_iam_member: 'policy_tag',
};

/** `${google_x.Name.attr}` → `google_x.Name`. */
function referenced(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)\.[a-z_]+\}$/.exec(value);
  return m?.[1];
}

/** The permissions of a predefined role, from the table; throws for a role the table lacks. */
export function predefinedPermissions(role: string): readonly string[] {
  const entry = (ROLE_TABLE.roles as Record<string, { permissions: string[] } | undefined>)[role];
  if (!entry) throw new Error(`role ${role} is not in test/journeys/gcp/roles.json: add it with its source`);
  return entry.permissions;
}

/** The IAM of one synthesized document. */
export class GcpIamModel {
  public readonly bindings: readonly Binding[];
  private readonly resources: Readonly<Record<string, Record<string, Record<string, unknown>>>>;

  constructor(doc: TfDocument) {
    this.resources = doc.resource ?? {};
    const bindings: Binding[] = [];
    for (const [type, byName] of Object.entries(this.resources)) {
      if (!type.endsWith('_iam_member')) continue;
      for (const [name, config] of Object.entries(byName)) {
        const attribute = TARGET_ATTRIBUTE[type];
        const target =
          type === 'google_project_iam_member'
            ? 'project'
            : (referenced(config[attribute]) ?? `${type}:${String(config[attribute])}`);
        const member = String(config.member);
        const account =
          /^serviceAccount:\$\{(google_service_account\.[A-Za-z0-9_-]+)\.email\}$/.exec(member) ??
          /^\$\{(google_service_account\.[A-Za-z0-9_-]+)\.member\}$/.exec(member);
        const condition = config.condition as { expression?: string } | undefined;
        const conditioned = condition?.expression
          ? /^resource\.name == "([^"]+)"$/.exec(condition.expression)
          : undefined;
        if (condition?.expression && !conditioned) {
          throw new Error(`${type}.${name}: unsupported IAM condition ${condition.expression}`);
        }
        bindings.push({
          address: `${type}.${name}`,
          identity: account ? account[1] : member,
          role: String(config.role),
          target,
          conditionResourceName: conditioned?.[1],
        });
      }
    }
    this.bindings = bindings;
  }

  /** The permissions of `role`: predefined from the table, custom from the synthesized role. */
  public permissionsOf(role: string): readonly string[] {
    const custom = referenced(role);
    if (custom?.startsWith('google_project_iam_custom_role.')) {
      const [type, name] = custom.split('.');
      return this.resources[type][name].permissions as string[];
    }
    return predefinedPermissions(role);
  }

  /** The configuration of a resource address. */
  public config(address: string): Record<string, unknown> {
    const [type, name] = address.split('.');
    return this.resources[type][name];
  }

  /** The addresses of `type` whose construct path ends with `suffix`. */
  public byPath(type: string, suffix: string): string[] {
    return Object.entries(this.resources[type] ?? {})
      .filter(([, c]) => String((c['//'] as { metadata: { path: string } }).metadata.path).endsWith(suffix))
      .map(([name]) => `${type}.${name}`);
  }

  /** The one address of `type` whose construct path ends with `suffix` (throws unless exactly one). */
  public one(type: string, suffix: string): string {
    const found = this.byPath(type, suffix);
    if (found.length !== 1) throw new Error(`expected one ${type} at */${suffix}, found ${found.length}`);
    return found[0];
  }

  /**
   * Whether `identity` holds `permission` on `target`: through a binding on the target itself, or
   * a project-level binding (conditional ones only when `resourceName` is the condition's name).
   */
  public allows(identity: string, permission: string, target: Target, resourceName?: string): boolean {
    return this.bindings.some(
      (b) =>
        b.identity === identity &&
        (b.target === target || b.target === 'project') &&
        (b.conditionResourceName === undefined || b.conditionResourceName === resourceName) &&
        this.permissionsOf(b.role).includes(permission),
    );
  }

  /** The bindings whose role resolves (to check that every role is known). */
  public roles(): string[] {
    return [...new Set(this.bindings.map((b) => b.role))];
  }
}
