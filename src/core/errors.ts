import type { IConstruct } from 'constructs';

/**
 * Stable codes for every input the kit rejects. Codes never change meaning; tests and users
 * may match on them.
 */
export enum ErrorCode {
  /** A physical or logical name breaks the target service's naming rules. */
  INVALID_NAME = 'DPK_INVALID_NAME',
  /** A zone name is malformed or reserved. */
  INVALID_ZONE = 'DPK_INVALID_ZONE',
  /** The same zone is declared twice. */
  DUPLICATE_ZONE = 'DPK_DUPLICATE_ZONE',
  /** A zone list is empty. */
  NO_ZONES = 'DPK_NO_ZONES',
  /** A grant or lookup names a zone the storage does not have. */
  UNKNOWN_ZONE = 'DPK_UNKNOWN_ZONE',
  /** Tags or labels break the cloud's tagging rules. */
  INVALID_TAGS = 'DPK_INVALID_TAGS',
  /** A number (days, counts, periods) is outside what the service or the kit allows. */
  OUT_OF_RANGE = 'DPK_OUT_OF_RANGE',
  /** Two props cannot be used together (e.g. an existing key and key options). */
  CONFLICTING_PROPS = 'DPK_CONFLICTING_PROPS',
  /** A region or location is malformed or does not fit another resource's location. */
  INVALID_LOCATION = 'DPK_INVALID_LOCATION',
  /** A principal is malformed or would expose data publicly. */
  INVALID_PRINCIPAL = 'DPK_INVALID_PRINCIPAL',
  /** An IP range is malformed or opens the resource to the whole internet. */
  INVALID_IP_RANGE = 'DPK_INVALID_IP_RANGE',
  /** A compliance acknowledgement lacks a rule id or a reason. */
  INVALID_ACKNOWLEDGEMENT = 'DPK_INVALID_ACKNOWLEDGEMENT',
  /** A reference names a domain, product, persona or input that the spec does not declare. */
  UNKNOWN_REFERENCE = 'DPK_UNKNOWN_REFERENCE',
  /**
   * Data would reach someone its classification does not allow (a `public` product with
   * classified columns, a restricted product without listed consumers, columns above a
   * consumer's clearance that the cloud cannot hide).
   */
  CLASSIFICATION = 'DPK_CLASSIFICATION',
  /** Data products' inputs form a cycle: lineage must flow one way. */
  LINEAGE_CYCLE = 'DPK_LINEAGE_CYCLE',
  /** A stack would hold more resources than its engine deploys in one stack. */
  STACK_TOO_LARGE = 'DPK_STACK_TOO_LARGE',
}

/** What was wrong with one prop: the prop, the value received and what is allowed. */
export interface Violation {
  /**
   * The kind of problem, when one error reports several kinds (a whole spec checked at once).
   * @default - the error's own code
   */
  readonly code?: ErrorCode;
  /** The prop, as the user wrote it (e.g. `zones[1].storageName`). */
  readonly prop: string;
  /** The value received. */
  readonly received: unknown;
  /** What is allowed, in words (e.g. `3-63 characters: a-z, 0-9 and '-'`). */
  readonly allowed: string;
}

/** Renders a received value for an error message: strings quoted, objects as JSON. */
export function formatReceived(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The kit's brand on its errors: survives two installed copies of the kit, unlike `instanceof`. */
const KIT_VALIDATION_ERROR = Symbol.for('data-platform-kit.ValidationError');
/** aws-cdk-lib's brands, so `Errors.isValidationError` from aws-cdk-lib recognises the kit's errors too. */
const CDK_CONSTRUCT_ERROR = Symbol.for('@aws-cdk/core.SynthesisError');
const CDK_VALIDATION_ERROR = Symbol.for('@aws-cdk/core.ValidationError');

/**
 * The one error the kit throws for bad input, at construction time.
 *
 * Carries a stable `code`, the construct path, and for each violated prop the prop name,
 * the received value and what is allowed. Validators collect every violation and throw once,
 * so `violations` may hold more than one entry, and — when a whole spec is checked — more than
 * one kind (`codes`), grouped by code in the message.
 *
 * Recognise it with `ValidationError.isValidationError(e)` (or aws-cdk-lib's
 * `Errors.isValidationError(e)`), which also works across two installed copies of the kit.
 *
 * @example
 * throw ValidationError.of(ErrorCode.OUT_OF_RANGE, this, {
 *   prop: 'rotationPeriodDays', received: 400, allowed: 'an integer from 90 to 2560',
 * });
 */
export class ValidationError extends Error {
  /** Creates the error for one or more violations of the same kind on `scope`. */
  public static of(code: ErrorCode, scope: IConstruct, ...violations: Violation[]): ValidationError {
    return new ValidationError(code, scope, violations);
  }

  /** Throws one error for all `violations`, or does nothing when there are none. */
  public static throwIfAny(code: ErrorCode, scope: IConstruct, violations: readonly Violation[]): void {
    if (violations.length > 0) throw new ValidationError(code, scope, violations);
  }

  /**
   * Throws one error for violations of several kinds (each with its `code`), grouped by code in
   * `order`, or does nothing when there are none. The error's `code` is the first kind found.
   */
  public static throwAll(
    scope: IConstruct,
    violations: readonly Violation[],
    order: readonly ErrorCode[],
  ): void {
    const rank = (v: Violation) => {
      const i = order.indexOf(v.code as ErrorCode);
      return i < 0 ? order.length : i;
    };
    const sorted = violations
      .map((v, i) => ({ v, i }))
      .sort((a, b) => rank(a.v) - rank(b.v) || a.i - b.i)
      .map(({ v }) => v);
    if (sorted.length > 0) throw new ValidationError(sorted[0].code ?? order[0], scope, sorted);
  }

  /** Whether `x` is a kit `ValidationError`, from this copy of the kit or another. */
  public static isValidationError(x: unknown): x is ValidationError {
    return x !== null && typeof x === 'object' && KIT_VALIDATION_ERROR in x;
  }

  /** Stable error code (the first kind, when the error reports several). */
  public readonly code: ErrorCode;
  /** Path of the construct that rejected the input. */
  public readonly constructPath: string;
  /** Every violation found (at least one). */
  public readonly violations: readonly Violation[];

  private constructor(code: ErrorCode, scope: IConstruct, violations: readonly Violation[]) {
    const path = scope.node.path || '<root>';
    const withCodes = violations.map((v) => ({ ...v, code: v.code ?? code }));
    const groups = new Map<ErrorCode, Violation[]>();
    for (const v of withCodes) groups.set(v.code, [...(groups.get(v.code) ?? []), v]);
    const render = (vs: readonly Violation[]) =>
      vs.map((v) => `'${v.prop}' must be ${v.allowed}. Received: ${formatReceived(v.received)}`).join('; ');
    super([...groups].map(([c, vs]) => `[${c}] ${path}: ${render(vs)}`).join('\n'));
    for (const brand of [KIT_VALIDATION_ERROR, CDK_CONSTRUCT_ERROR, CDK_VALIDATION_ERROR]) {
      Object.defineProperty(this, brand, { value: true });
    }
    this.name = 'ValidationError';
    this.code = code;
    this.constructPath = path;
    this.violations = violations;
  }

  /** Every kind of problem reported, in the order of the message. */
  public get codes(): readonly ErrorCode[] {
    return [...new Set(this.violations.map((v) => v.code ?? this.code))];
  }

  /** The first violated prop. */
  public get prop(): string {
    return this.violations[0].prop;
  }

  /** The value received for the first violated prop. */
  public get received(): unknown {
    return this.violations[0].received;
  }

  /** What is allowed for the first violated prop. */
  public get allowed(): string {
    return this.violations[0].allowed;
  }
}
