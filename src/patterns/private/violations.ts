import type { IConstruct } from 'constructs';
import { ErrorCode, ValidationError, type Violation } from '../../core/internal';

/**
 * Violations of a whole spec, grouped by code and thrown once in a fixed order, so the same spec
 * always fails the same way and the user sees every problem in one run.
 */
export class Violations {
  private readonly byCode = new Map<ErrorCode, Violation[]>();

  /** @param order the order the codes are reported in; codes not listed come last */
  public constructor(private readonly order: readonly ErrorCode[]) {}

  /** Records `violation` under `code` (nothing when it is undefined). */
  public add(code: ErrorCode, violation: Violation | undefined): void {
    if (!violation) return;
    this.byCode.set(code, [...(this.byCode.get(code) ?? []), { ...violation, code }]);
  }

  /**
   * Runs a validator that throws, keeping its violations instead (their props prefixed with
   * `prefix`, for a spec nested in another); returns its result, or undefined when it threw.
   */
  public collect<T>(validate: () => T, prefix = ''): T | undefined {
    try {
      return validate();
    } catch (e) {
      if (!ValidationError.isValidationError(e)) throw e;
      for (const v of e.violations) this.add(v.code ?? e.code, { ...v, prop: `${prefix}${v.prop}` });
      return undefined;
    }
  }

  /** Whether any violation was recorded. */
  public get empty(): boolean {
    return this.byCode.size === 0;
  }

  /** Throws one error holding every violation, grouped by code; nothing when there are none. */
  public throwIfAny(scope: IConstruct): void {
    ValidationError.throwAll(scope, [...this.byCode.values()].flat(), this.order);
  }
}

/**
 * How an element of a list is named in errors: by its name when that name is a non-empty string
 * no other element shares (`personas["auditor"]`), by its index otherwise (`personas[4]`).
 */
export function element(list: string, items: readonly { readonly name?: unknown }[], index: number): string {
  const name = items[index].name;
  const unique = typeof name === 'string' && name !== '' && items.filter((x) => x.name === name).length === 1;
  return unique ? `${list}[${JSON.stringify(name)}]` : `${list}[${index}]`;
}

/** Records `DPK_CONFLICTING_PROPS` for every name that repeats an earlier one of `names`. */
export function checkUnique(v: Violations, prop: string, names: readonly unknown[], what: string): void {
  const seen = new Set<unknown>();
  names.forEach((name, i) => {
    if (seen.has(name)) {
      v.add(ErrorCode.CONFLICTING_PROPS, {
        prop: `${prop}[${i}].name`,
        received: name,
        allowed: `a ${what} name not already declared`,
      });
    }
    seen.add(name);
  });
}

/** Whether `v` is one of the values of the string enum `e`. */
export const isEnumValue = <T extends Record<string, string>>(e: T, v: unknown): boolean =>
  Object.values(e).includes(v as string);

/** An email address: something@domain.tld, no spaces. */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
