/**
 * A small interpreter for the subset of the Workflows language the kit's pipeline program uses
 * (assign, call, switch, next, try/retry/except, raise, return, subworkflows, `${…}` expressions),
 * so tests can run the program against a fake Dataproc API and check what it does. It is a test
 * double, not Workflows: it implements only what the program needs and fails loudly on the rest.
 */

type Value = any;
type Vars = Record<string, Value>;
type Step = Record<string, any>;

/** A value raised by the program (`raise`) or by a fake connector. */
export class WorkflowError extends Error {
  constructor(public readonly value: Value) {
    super(typeof value === 'string' ? value : JSON.stringify(value));
  }
}

/** A fake API call: returns a value or throws `WorkflowError` with an HTTP-error map. */
export type Connector = (args: Vars) => Value;

/** What an execution did. */
export interface ExecutionTrace {
  readonly result?: Value;
  readonly error?: Value;
  /** Seconds slept in all (`sys.sleep`). */
  readonly sleptSeconds: number;
  /** Every connector call, in order. */
  readonly calls: readonly { readonly method: string; readonly args: Vars }[];
}

/** Workflows' predefined HTTP retry predicate: 429, 502, 503, 504 and connection errors. */
function defaultRetryPredicate(e: Value): boolean {
  return typeof e === 'object' && e !== null && [429, 502, 503, 504].includes(e.code);
}

const HTTP = {
  default_retry_predicate: defaultRetryPredicate,
  default_retry: {
    predicate: defaultRetryPredicate,
    max_retries: 5,
    backoff: { initial_delay: 1, max_delay: 60, multiplier: 1.25 },
  },
};

/** `and` / `or` outside string literals as JavaScript operators; `default(` renamed (a JS keyword). */
function toJavaScript(expression: string): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (quote) {
      out += c;
      if (c === '\\') out += expression[++i];
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      out += c;
      continue;
    }
    const rest = expression.slice(i);
    const word = /^(and|or|default)\b/.exec(rest);
    if (word && !/[\w.]/.test(expression[i - 1] ?? '')) {
      out += { and: '&&', or: '||', default: '__default' }[word[1]];
      i += word[1].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

/** Runs a Workflows program (as parsed JSON) with fake connectors and environment variables. */
export class WorkflowInterpreter {
  private slept = 0;
  private readonly calls: { method: string; args: Vars }[] = [];

  constructor(
    private readonly program: Record<string, { params?: string[]; steps: Step[] }>,
    private readonly connectors: Readonly<Record<string, Connector>>,
    private readonly env: Readonly<Record<string, string>>,
  ) {}

  /** Runs `main` once and reports what happened. */
  public execute(): ExecutionTrace {
    try {
      const result = this.runWorkflow('main', {});
      return { result, sleptSeconds: this.slept, calls: this.calls };
    } catch (e) {
      if (e instanceof WorkflowError) return { error: e.value, sleptSeconds: this.slept, calls: this.calls };
      throw e;
    }
  }

  private runWorkflow(name: string, args: Vars): Value {
    const workflow = this.program[name];
    if (!workflow) throw new Error(`No subworkflow ${name}`);
    const vars: Vars = {};
    for (const param of workflow.params ?? []) {
      if (!(param in args)) throw new Error(`Missing argument ${param} of ${name}`);
      vars[param] = args[param];
    }
    const signal = this.runSteps(workflow.steps, vars);
    if (signal?.kind === 'next') throw new Error(`Unknown step ${signal.target}`);
    return signal?.kind === 'return' ? signal.value : null;
  }

  /** Runs `steps` in order; returns a return signal, or a `next` to a step not in this list. */
  private runSteps(
    steps: Step[],
    vars: Vars,
  ): { kind: 'return'; value: Value } | { kind: 'next'; target: string } | undefined {
    const names = steps.map((s) => Object.keys(s)[0]);
    let i = 0;
    let guard = 0;
    while (i < steps.length) {
      if (++guard > 100_000) throw new Error('Endless loop');
      const [name, body] = Object.entries(steps[i])[0] as [string, Step];
      const signal = this.runStep(name, body, vars);
      if (signal?.kind === 'return') return signal;
      const target = signal?.kind === 'next' ? signal.target : body.next;
      if (target === 'end') return undefined;
      if (target !== undefined) {
        const j = names.indexOf(target);
        if (j < 0) return { kind: 'next', target };
        i = j;
      } else {
        i++;
      }
    }
    return undefined;
  }

  private runStep(
    name: string,
    body: Step,
    vars: Vars,
  ): { kind: 'return'; value: Value } | { kind: 'next'; target: string } | undefined {
    if (body.assign) {
      for (const entry of body.assign) {
        for (const [k, v] of Object.entries(entry)) vars[k] = this.evaluate(v, vars);
      }
      return undefined;
    }
    if (body.call) {
      this.call(body, vars);
      return undefined;
    }
    if (body.switch) {
      for (const branch of body.switch) {
        if (this.evaluate(branch.condition, vars)) return { kind: 'next', target: branch.next };
      }
      return undefined;
    }
    if ('raise' in body) throw new WorkflowError(this.evaluate(body.raise, vars));
    if ('return' in body) return { kind: 'return', value: this.evaluate(body.return, vars) };
    if (body.try) return this.tryStep(body, vars);
    throw new Error(`Step ${name}: unsupported ${JSON.stringify(Object.keys(body))}`);
  }

  private tryStep(body: Step, vars: Vars) {
    const policy = typeof body.retry === 'string' ? this.evaluate(body.retry, vars) : body.retry;
    const predicate = policy && this.evaluate(policy.predicate, vars);
    for (let attempt = 0; ; attempt++) {
      try {
        this.call(body.try, vars);
        return undefined;
      } catch (e) {
        if (!(e instanceof WorkflowError)) throw e;
        if (policy && attempt < policy.max_retries && predicate(e.value)) {
          this.slept += policy.backoff.initial_delay * policy.backoff.multiplier ** attempt;
          continue;
        }
        if (!body.except) throw e;
        vars[body.except.as] = e.value;
        return this.runSteps(body.except.steps, vars);
      }
    }
  }

  private call(body: Step, vars: Vars): void {
    const args = this.evaluate(body.args ?? {}, vars);
    let result: Value;
    if (body.call === 'sys.sleep') {
      this.slept += args.seconds;
    } else if (this.program[body.call]) {
      result = this.runWorkflow(body.call, args);
    } else {
      const connector = this.connectors[body.call];
      if (!connector) throw new Error(`No connector ${body.call}`);
      this.calls.push({ method: body.call, args });
      result = connector(args);
    }
    if (body.result) vars[body.result] = result;
  }

  /** Evaluates `${…}` strings (recursively in maps and lists); other values are literals. */
  private evaluate(value: Value, vars: Vars): Value {
    if (typeof value === 'string') {
      const m = /^\$\{([\s\S]*)\}$/.exec(value);
      return m ? this.expression(m[1], vars) : value;
    }
    if (Array.isArray(value)) return value.map((v) => this.evaluate(v, vars));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.evaluate(v, vars)]));
    }
    return value;
  }

  private expression(expression: string, vars: Vars): Value {
    const scope: Vars = {
      ...vars,
      string: (v: Value) => String(v),
      __default: (v: Value, d: Value) => v ?? d,
      map: { get: (m: Vars, k: string) => m?.[k] ?? null },
      text: { replace_all: (s: string, a: string, b: string) => s.split(a).join(b) },
      sys: { get_env: (n: string) => this.env[n] },
      http: HTTP,
    };
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const fn = new Function(...Object.keys(scope), `return (${toJavaScript(expression)});`);
    return fn(...Object.values(scope));
  }
}

/**
 * The workflow program as Workflows receives it from a synthesized `source_contents`: Terraform's
 * references filled in with `values(reference)`, then its escapes (`$${`, `%%{`) undone.
 */
export function programFromSource(
  source: string,
  values: (reference: string) => string,
): Record<string, any> {
  const filled = source.replace(/(?<!\$)\$\{([a-z][a-z0-9_]*\.[^}]+)\}/g, (_, reference: string) =>
    values(reference),
  );
  return JSON.parse(filled.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
}
