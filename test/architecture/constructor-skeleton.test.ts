import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * Every block's constructor has the same skeleton, so a reader finds the same three parts in
 * every block of every cloud:
 *
 * 1. validate: every check on the props (and the defaults they resolve to) runs before the
 *    first resource exists, so a bad input never leaves half a block in the tree;
 * 2. then private `createX` steps, one per resource group, each returning what it made;
 * 3. nothing else: the constructor itself makes no resource (`new X(...)`) and stays short.
 *
 * A block is an exported class with a `(scope, id, ...)` constructor under `src/<cloud>/`,
 * outside `private/` and `compliance/`.
 */

const SRC = path.resolve(__dirname, '../../src');
const CLOUDS = ['aws', 'gcp', 'azure'] as const;
/** Lines a constructor may take, braces included. */
const MAX_CONSTRUCTOR_LINES = 45;
/** Constructors a constructor may call with `new`: plain data structures, never a resource. */
const PLAIN_DATA = new Set(['Map', 'Set', 'Array', 'WeakMap']);
/** Calls that check input: none may follow the first `create` step. */
const VALIDATION_CALL = /^(validate|reject|require|assert|check)[A-Z]?/;
/** Calls that make resources. */
const CREATE_STEP = /^create[A-Z]/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'private' || entry.name === 'compliance' ? [] : sourceFiles(full);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface BlockConstructor {
  readonly name: string;
  readonly file: string;
  readonly node: ts.ConstructorDeclaration;
  readonly source: ts.SourceFile;
}

function isExported(node: ts.ClassDeclaration): boolean {
  return (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function blockConstructors(): BlockConstructor[] {
  return CLOUDS.flatMap((cloud) =>
    sourceFiles(path.join(SRC, cloud)).flatMap((file) => {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      return source.statements.flatMap((statement) => {
        if (!ts.isClassDeclaration(statement) || !statement.name || !isExported(statement)) return [];
        const ctor = statement.members.find(ts.isConstructorDeclaration);
        const params = ctor?.parameters.map((p) => p.name.getText(source)) ?? [];
        if (!ctor?.body || params[0] !== 'scope' || params[1] !== 'id') return [];
        return [
          { name: `${cloud}.${statement.name.text}`, file: path.relative(SRC, file), node: ctor, source },
        ];
      });
    }),
  );
}

/** The name a call expression calls: `f(...)` → f, `this.f(...)` / `X.f(...)` → f. */
function calledName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** Nodes of the constructor body in source order, without entering nested functions. */
function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => {
    if (ts.isFunctionLike(child) && !ts.isConstructorDeclaration(child)) {
      // Callbacks (e.g. `.map(zone => this.createZone(zone))`) are still steps of the constructor.
      child.forEachChild((inner) => walk(inner, visit));
      return;
    }
    walk(child, visit);
  });
}

const blocks = blockConstructors();

test('the test finds the blocks of every cloud', () => {
  for (const cloud of CLOUDS) {
    expect(blocks.filter((b) => b.name.startsWith(`${cloud}.`)).length).toBeGreaterThanOrEqual(8);
  }
});

describe.each(blocks.map((b) => [b.name, b] as const))('%s constructor', (_name, block) => {
  test('makes no resource itself: every resource comes from a private create step', () => {
    const made: string[] = [];
    walk(block.node.body!, (n) => {
      if (ts.isNewExpression(n)) {
        const what = n.expression.getText(block.source);
        if (!PLAIN_DATA.has(what)) made.push(`new ${what} (${block.file}:${lineOf(block, n)})`);
      }
    });
    expect(made).toEqual([]);
  });

  test('validates before the first create step', () => {
    let firstCreate: string | undefined;
    const late: string[] = [];
    walk(block.node.body!, (n) => {
      if (!ts.isCallExpression(n)) return;
      const name = calledName(n);
      if (name === undefined) return;
      if (CREATE_STEP.test(name)) {
        firstCreate ??= name;
      } else if (firstCreate && VALIDATION_CALL.test(name)) {
        late.push(`${name} after ${firstCreate} (${block.file}:${lineOf(block, n)})`);
      }
    });
    expect(late).toEqual([]);
  });

  test(`is at most ${MAX_CONSTRUCTOR_LINES} lines`, () => {
    const start = block.source.getLineAndCharacterOfPosition(block.node.getStart(block.source)).line;
    const end = block.source.getLineAndCharacterOfPosition(block.node.getEnd()).line;
    const lines = end - start + 1;
    expect(lines <= MAX_CONSTRUCTOR_LINES ? 'short' : `${block.file}:${start + 1} is ${lines} lines`).toBe(
      'short',
    );
  });
});

function lineOf(block: BlockConstructor, node: ts.Node): number {
  return block.source.getLineAndCharacterOfPosition(node.getStart(block.source)).line + 1;
}
