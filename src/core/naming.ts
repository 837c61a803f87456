import { createHash } from 'node:crypto';
import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from './errors';
import { isUnresolved } from './tokens';

/**
 * The naming rules of one kind of cloud resource. The kit derives names that satisfy them
 * and validates user-supplied names against them.
 */
export interface NameRule {
  /** What the name is for, in error messages (e.g. `S3 bucket name`). */
  readonly target: string;
  readonly minLength: number;
  readonly maxLength: number;
  /** Characters allowed anywhere in the name (one character class). */
  readonly charset: RegExp;
  /** Joins the parts of a derived name; empty where the charset has no separator. */
  readonly separator: string;
  /** Rules beyond charset and length: each returns a failure text or undefined. */
  readonly extraChecks: readonly ((name: string) => string | undefined)[];
  /** The whole rule in words, for `allowed` in errors. */
  readonly allowed: string;
}

const startsAlnum = (n: string) =>
  /^[a-z0-9]/.test(n) ? undefined : 'start with a lowercase letter or digit';
const endsAlnum = (n: string) => (/[a-zA-Z0-9]$/.test(n) ? undefined : 'end with a letter or digit');
const startsLetter = (n: string) => (/^[a-zA-Z]/.test(n) ? undefined : 'start with a letter');
const noDoubleHyphen = (n: string) => (n.includes('--') ? "not contain '--'" : undefined);
const notPrefixed = (prefixes: string[]) => (n: string) =>
  prefixes.find((p) => n.startsWith(p)) ? `not start with ${prefixes.join(', ')}` : undefined;
const notSuffixed = (suffixes: string[]) => (n: string) =>
  suffixes.find((s) => n.endsWith(s)) ? `not end with ${suffixes.join(', ')}` : undefined;

/** Naming rules per resource kind, each with the limits its service documents. */
export const NameRules = {
  /**
   * S3 bucket: 3-63 of a-z 0-9 '-', alphanumeric at both ends, none of AWS's reserved
   * prefixes/suffixes. Dots are rejected: they break virtual-hosted TLS.
   * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
   */
  S3_BUCKET: {
    target: 'S3 bucket name',
    minLength: 3,
    maxLength: 63,
    charset: /[a-z0-9-]/,
    separator: '-',
    extraChecks: [
      startsAlnum,
      endsAlnum,
      notPrefixed(['xn--', 'sthree-', 'amzn-s3-demo-']),
      notSuffixed(['-s3alias', '--ol-s3', '--x-s3', '--table-s3']),
    ],
    allowed:
      "3-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit, without the reserved prefixes xn--, sthree-, amzn-s3-demo- or suffixes -s3alias, --ol-s3, --x-s3, --table-s3",
  },
  /**
   * GCS bucket: 3-63 of a-z 0-9 '-' '_', alphanumeric at both ends, not starting with
   * `goog` nor containing `google`. Dots are rejected (they need domain verification).
   * @see https://cloud.google.com/storage/docs/buckets#naming
   */
  GCS_BUCKET: {
    target: 'GCS bucket name',
    minLength: 3,
    maxLength: 63,
    charset: /[a-z0-9_-]/,
    separator: '-',
    extraChecks: [
      startsAlnum,
      endsAlnum,
      notPrefixed(['goog']),
      (n) => (/g[o0]{2}gle/.test(n) ? "not contain 'google' or look-alikes" : undefined),
    ],
    allowed:
      "3-63 characters of a-z, 0-9, '-' and '_', starting and ending with a letter or digit, not starting with 'goog' nor containing 'google'",
  },
  /**
   * Azure storage account: 3-24 lowercase letters and digits, globally unique.
   * @see https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftstorage
   */
  AZURE_STORAGE_ACCOUNT: {
    target: 'Azure storage account name',
    minLength: 3,
    maxLength: 24,
    charset: /[a-z0-9]/,
    separator: '',
    extraChecks: [],
    allowed: '3-24 characters of lowercase letters and digits only',
  },
  /**
   * Azure Key Vault: 3-24 of letters, digits and '-', starting with a letter, ending with a
   * letter or digit, no '--'; globally unique.
   * @see https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates#vault-name-and-object-name
   */
  AZURE_KEY_VAULT: {
    target: 'Azure Key Vault name',
    minLength: 3,
    maxLength: 24,
    charset: /[a-zA-Z0-9-]/,
    separator: '-',
    extraChecks: [startsLetter, endsAlnum, noDoubleHyphen],
    allowed:
      "3-24 characters of letters, digits and '-', starting with a letter, ending with a letter or digit, without '--'",
  },
  /**
   * Azure blob container / ADLS Gen2 filesystem: 3-63 of a-z 0-9 '-', alphanumeric at both
   * ends, no '--'.
   * @see https://learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata
   */
  AZURE_CONTAINER: {
    target: 'Azure container (filesystem) name',
    minLength: 3,
    maxLength: 63,
    charset: /[a-z0-9-]/,
    separator: '-',
    extraChecks: [startsAlnum, endsAlnum, noDoubleHyphen],
    allowed: "3-63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit, without '--'",
  },
  /**
   * Azure Key Vault key: 1-127 of letters, digits and '-'.
   */
  AZURE_KEY: {
    target: 'Azure Key Vault key name',
    minLength: 1,
    maxLength: 127,
    charset: /[a-zA-Z0-9-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-127 characters of letters, digits and '-'",
  },
  /**
   * AWS KMS alias name (after `alias/`): 1-250 of letters, digits, '/', '_' and '-', and not
   * in the AWS-reserved `aws/` namespace.
   * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html
   */
  KMS_ALIAS: {
    target: 'KMS alias name',
    minLength: 1,
    maxLength: 250,
    charset: /[a-zA-Z0-9/_-]/,
    separator: '/',
    extraChecks: [notPrefixed(['aws/'])],
    allowed:
      "1-250 characters of letters, digits, '/', '_' and '-' (after 'alias/'), not starting with 'aws/'",
  },
  /**
   * Cloud KMS key ring or crypto key: 1-63 of letters, digits, '_' and '-'. Key rings and
   * keys can never be deleted, so their names must never change.
   * @see https://cloud.google.com/kms/docs/create-key-ring
   */
  GCP_KMS: {
    target: 'Cloud KMS key ring or key name',
    minLength: 1,
    maxLength: 63,
    charset: /[a-zA-Z0-9_-]/,
    separator: '-',
    extraChecks: [],
    allowed: "1-63 characters of letters, digits, '_' and '-'",
  },
  /** A component name within a platform (a stream, a pipeline, a step): part of derived names. */
  COMPONENT: {
    target: 'component name',
    minLength: 1,
    maxLength: 20,
    charset: /[a-z0-9-]/,
    separator: '-',
    extraChecks: [startsLetter, endsAlnum, noDoubleHyphen],
    allowed:
      "1-20 characters of a-z, 0-9 and '-', starting with a letter, ending with a letter or digit, without '--'",
  },
  /** The platform name every derived name starts with. */
  PLATFORM: {
    target: 'platform name',
    minLength: 2,
    maxLength: 20,
    charset: /[a-z0-9-]/,
    separator: '-',
    extraChecks: [startsLetter, endsAlnum, noDoubleHyphen],
    allowed:
      "2-20 characters of a-z, 0-9 and '-', starting with a letter, ending with a letter or digit, without '--'",
  },
} satisfies Record<string, NameRule>;

/** Length of the stable hash that makes derived names unique per construct path. */
export const NAME_HASH_LENGTH = 8;

/** A short, stable, lowercase hex hash of `text` (the construct path, usually). */
export function stableHash(text: string, length = NAME_HASH_LENGTH): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Every way `name` breaks `rule`, as one violation (or none). */
export function nameViolation(rule: NameRule, prop: string, name: unknown): Violation | undefined {
  if (typeof name === 'string' && isUnresolved(name)) return undefined;
  const fail = (): Violation => ({
    prop,
    received: name,
    allowed: `a valid ${rule.target}: ${rule.allowed}`,
  });
  if (typeof name !== 'string') return fail();
  if (name.length < rule.minLength || name.length > rule.maxLength) return fail();
  if ([...name].some((c) => !rule.charset.test(c))) return fail();
  return rule.extraChecks.some((check) => check(name) !== undefined) ? fail() : undefined;
}

/** Throws `DPK_INVALID_NAME` when `name` breaks `rule`; returns the name otherwise. */
export function validateName(scope: IConstruct, rule: NameRule, prop: string, name: string): string {
  const violation = nameViolation(rule, prop, name);
  if (violation) throw ValidationError.of(ErrorCode.INVALID_NAME, scope, violation);
  return name;
}

/**
 * How one cloud completes a globally unique name whose deployment scope (account, project,
 * subscription, resource group) is only known at deploy time. Core cannot import an engine,
 * so each cloud supplies this: AWS appends the scope with `Fn::Join`; the Terraform clouds
 * hash the scope with Terraform's own `sha256()` at plan time.
 */
export interface DeployTimeNaming {
  /** Most characters the deploy-time part adds after `<body><separator><hash>`. */
  extraLength(unresolved: readonly string[]): number;
  /**
   * The whole name, as an engine token.
   * @param body the synth-time `<platform>-<parts…>`, already trimmed to leave room
   * @param hashInput the construct path, then every scope value in order (literal or token)
   */
  render(body: string, separator: string, hashInput: readonly string[]): string;
}

/** Where a deployment lives, for names that must differ between two deployments of one app. */
export interface DeploymentScope {
  /**
   * The scope's values in a fixed order (e.g. account and region; project; subscription and
   * resource group). Literals join the synth-time hash; unresolved tokens are bound into the
   * name at deploy time by `deployTime` — never dropped.
   */
  readonly values: readonly (string | undefined)[];
  /** How the cloud binds unresolved values into the name. */
  readonly deployTime: DeployTimeNaming;
}

/** What a derived name is made of. */
export interface NameParts {
  /** Platform name (validated with {@link NameRules.PLATFORM}). */
  readonly platform: string;
  /** Further parts, e.g. the zone and a purpose (`raw`, `logs`). */
  readonly parts?: readonly string[];
  /** A user's explicit name: validated and used as is. */
  readonly override?: string;
  /** The prop the override came from, for errors. */
  readonly overrideProp?: string;
  /**
   * Literal values mixed into the hash to tell names apart within one deployment (a persona,
   * a step). Unresolved tokens are left out: use `deploymentScope` for names that must differ
   * between deployments.
   * @default - the construct path alone
   */
  readonly uniqueness?: readonly (string | undefined)[];
  /**
   * The deployment scope of a globally unique name (S3 and GCS buckets, storage accounts, Key
   * Vaults, …). Two deployments into different scopes always derive different names, also when
   * the scope is a token at synth time.
   * @default - the name is unique within the construct tree only
   */
  readonly deploymentScope?: DeploymentScope;
}

const isGiven = (u: string | undefined): u is string => u !== undefined && u !== '';

/** The hash input for a derived name: the construct path plus the resolved uniqueness parts. */
export function nameHashInput(scope: IConstruct, uniqueness: readonly (string | undefined)[] = []): string {
  return [scope.node.path, ...uniqueness.filter((u) => isGiven(u) && !isUnresolved(u))].join('|');
}

/**
 * A deterministic, cloud-legal physical name: `<platform>-<parts…>-<hash>`, where the hash is
 * taken from the construct path, the `uniqueness` parts and the deployment scope, so two
 * deployments never collide and one never renames. When part of the scope is only known at
 * deploy time, the cloud's {@link DeployTimeNaming} completes the name as an engine token; when
 * the whole scope is literal the name is a literal (and equal to what the deploy-time form
 * resolves to on the Terraform clouds).
 * Long bodies are truncated before the hash; characters the rule forbids are dropped.
 * An explicit override is validated instead.
 */
export function physicalName(scope: IConstruct, rule: NameRule, spec: NameParts): string {
  if (spec.override !== undefined) {
    return validateName(scope, rule, spec.overrideProp ?? 'name', spec.override);
  }
  const scopeValues = (spec.deploymentScope?.values ?? []).filter(isGiven);
  const unresolved = scopeValues.filter((v) => isUnresolved(v));
  const deployTime = unresolved.length > 0 ? spec.deploymentScope?.deployTime : undefined;
  const hashInput = nameHashInput(scope, [...(spec.uniqueness ?? []), ...scopeValues]);
  const hash = stableHash(hashInput);
  const sep = rule.separator;
  const keep = (s: string) => [...s.toLowerCase()].filter((c) => c === sep || rule.charset.test(c)).join('');
  const body = [spec.platform, ...(spec.parts ?? [])].map(keep).filter(Boolean).join(sep);
  const room = rule.maxLength - hash.length - sep.length - (deployTime?.extraLength(unresolved) ?? 0);
  let trimmed = body.slice(0, room);
  while (sep && trimmed.endsWith(sep)) trimmed = trimmed.slice(0, -1);
  const name = `${trimmed}${sep}${hash}`;
  const violation = nameViolation(rule, 'platformName', name);
  if (violation) {
    throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop: 'platformName',
      received: spec.platform,
      allowed: `a name from which a valid ${rule.target} can be derived (derived ${JSON.stringify(name)}; ${rule.allowed})`,
    });
  }
  if (!deployTime) return name;
  const literalParts = (spec.uniqueness ?? []).filter((u): u is string => isGiven(u) && !isUnresolved(u));
  return deployTime.render(trimmed, sep, [scope.node.path, ...literalParts, ...scopeValues]);
}

/**
 * Validates a part that derived physical names are built from (`platformName`, `purpose`,
 * a stream name): it must be known at synth time, since a token's placeholder text would end
 * up in names that can never change. Throws `DPK_INVALID_NAME`; returns the value.
 */
export function validateLiteralNamePart(scope: IConstruct, prop: string, value: string): string {
  if (isUnresolved(value)) {
    throw ValidationError.of(ErrorCode.INVALID_NAME, scope, {
      prop,
      received: value,
      allowed: 'a literal value known at synth time (it becomes part of physical names, which never change)',
    });
  }
  return value;
}

/** Validates a platform name: a literal (never a token) that satisfies {@link NameRules.PLATFORM}. */
export function validatePlatformName(scope: IConstruct, name: string, prop = 'platformName'): string {
  return validateName(scope, NameRules.PLATFORM, prop, validateLiteralNamePart(scope, prop, name));
}
