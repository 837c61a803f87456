import type { ErrorCode } from '../../src/core/errors';

/**
 * One row of a bad-input table: a construct built with one bad prop, and the ErrorCode (and prop)
 * it must throw. `S` is the stack type the row builds in (a CDK `Stack` or a cdktf `TerraformStack`).
 */
export interface BadInputRow<S> {
  /** What is wrong with the input: the test title. */
  readonly description: string;
  /** Builds the construct with the bad prop in a fresh stack. */
  readonly build: (stack: S) => unknown;
  /** The code the error must carry. */
  readonly code: ErrorCode;
  /** The violated prop, when the error names one. */
  readonly prop?: string;
  /** The same prop as an unresolved token: must synthesize without a throw. */
  readonly withToken?: (stack: S) => unknown;
}

/** Checks that `build` throws an error with `code` (and `prop`, when given). */
export type ExpectBadInputError = (build: () => unknown, code: ErrorCode, prop?: string) => void;

/** How {@link describeBadInput} builds, checks and synthesizes the rows. */
export interface BadInputOptions<S> {
  /** A fresh stack for one test. */
  readonly newStack: () => S;
  /** Synthesizes a stack (running construct validations); needed when a row has `withToken`. */
  readonly synth?: (stack: S) => unknown;
  /** The title of a row's test; `%s` is the row's description. Default `'%s'`. */
  readonly rowTitle?: string;
  /** The title of a token row's test; `%s` is the row's description. */
  readonly tokenTitle?: string;
  /**
   * How a row's error is checked. Default: `toThrow(expect.objectContaining({ code, prop? }))`;
   * see also {@link expectThrownInstance}.
   */
  readonly expectError?: ExpectBadInputError;
  /** When given, a test that the rows' codes are exactly `codes`, with this title. */
  readonly codes?: { readonly title: string; readonly expected: readonly ErrorCode[] };
  /** When given, a test with this title that no two rows share a description. */
  readonly distinctTitle?: string;
}

/** The default check: the thrown error contains `code`, and `prop` when the row names one. */
const expectObjectContaining: ExpectBadInputError = (build, code, prop) => {
  expect(build).toThrow(expect.objectContaining(prop === undefined ? { code } : { code, prop }));
};

/**
 * A check that the thrown error is an instance of `type` and matches `{ code, prop }`
 * (`toMatchObject`), for tables that assert the error class.
 */
export function expectThrownInstance(type: { readonly prototype: Error }): ExpectBadInputError {
  return (build, code, prop) => {
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, prop });
  };
}

/**
 * Registers a bad-input table under `describe(title)`: a test per row that building it in a fresh
 * stack throws the row's code (and prop); a test per row with `withToken` that the token form
 * synthesizes without a throw; and, when asked, that the table covers exactly the given codes and
 * that its descriptions are distinct. `more` registers further tests in the same describe block.
 */
export function describeBadInput<S>(
  title: string,
  rows: readonly BadInputRow<S>[],
  options: BadInputOptions<S>,
  more?: () => void,
): void {
  const expectError = options.expectError ?? expectObjectContaining;
  describe(title, () => {
    test.each(rows.map((r) => [r.description, r] as const))(options.rowTitle ?? '%s', (_, row) => {
      expectError(() => row.build(options.newStack()), row.code, row.prop);
    });

    const tokenRows = rows.filter((r) => r.withToken);
    if (tokenRows.length > 0) {
      const synth = options.synth;
      if (synth === undefined) throw new Error(`${title}: rows with withToken need the synth option`);
      test.each(tokenRows.map((r) => [r.description, r] as const))(
        options.tokenTitle ?? 'the same prop as a token is skipped: %s',
        (_, row) => {
          const stack = options.newStack();
          row.withToken!(stack);
          expect(() => synth(stack)).not.toThrow();
        },
      );
    }

    if (options.codes !== undefined) {
      const { expected } = options.codes;
      test(options.codes.title, () => {
        expect(new Set(rows.map((r) => r.code))).toEqual(new Set(expected));
      });
    }

    if (options.distinctTitle !== undefined) {
      test(options.distinctTitle, () => {
        expect(new Set(rows.map((r) => r.description)).size).toBe(rows.length);
      });
    }

    more?.();
  });
}

/** A row written as a tuple: `[description, build, code, prop?]`. */
export type BadInputTuple<S> = readonly [
  description: string,
  build: (stack: S) => unknown,
  code: ErrorCode,
  prop?: string,
];

/** Turns tuple rows into {@link BadInputRow}s, for tables written as `[description, build, code, prop]`. */
export function tupleRows<S>(tuples: readonly BadInputTuple<S>[]): BadInputRow<S>[] {
  return tuples.map(([description, build, code, prop]) => ({ description, build, code, prop }));
}
