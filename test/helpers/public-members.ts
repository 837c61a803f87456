import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * The public surface of the clouds' entry points, read from the sources with the TypeScript
 * checker: for each exported class, its props (the constructor's last parameter), its public
 * instance and static members; for each exported interface, its members. The program holds
 * only src/ (`noResolve`): the engines' typings are not parsed, so members inherited from
 * `Construct` are not listed (they are the same on every cloud).
 */

/** A cloud with an entry point. */
export type Cloud = 'aws' | 'gcp' | 'azure';
/** The clouds, in the order the kit lists them. */
export const CLOUDS: readonly Cloud[] = ['aws', 'gcp', 'azure'];

/** One member, written as in the allow-list: `name` or `name?` when optional. */
export type Member = string;

/** The surface of one exported class. */
export interface ClassSurface {
  /** Its constructor's props type name and members, when it takes props. */
  readonly props?: { readonly name: string; readonly members: readonly Member[] };
  /** Public instance members (properties, getters, methods), inherited ones included. */
  readonly instance: readonly Member[];
  /** Public static members. */
  readonly statics: readonly Member[];
}

/** The surface of one cloud's entry point. */
export interface CloudSurface {
  readonly classes: ReadonlyMap<string, ClassSurface>;
  readonly interfaces: ReadonlyMap<string, readonly Member[]>;
}

const SRC = path.resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Whether bit flags hold `flag` (TypeScript's symbol and modifier flags are bit sets). */
function has(flags: number, flag: number): boolean {
  // eslint-disable-next-line no-bitwise
  return (flags & flag) !== 0;
}

function isPublic(symbol: ts.Symbol): boolean {
  if (symbol.name.startsWith('#') || symbol.name === 'prototype') return false;
  return (symbol.declarations ?? []).every((decl) => {
    const flags = ts.getCombinedModifierFlags(decl);
    const internal = ts.getJSDocTags(decl).some((tag) => tag.tagName.text === 'internal');
    return !has(flags, ts.ModifierFlags.Private) && !has(flags, ts.ModifierFlags.Protected) && !internal;
  });
}

function membersOf(checker: ts.TypeChecker, type: ts.Type): Member[] {
  return checker
    .getPropertiesOfType(type)
    .filter(isPublic)
    .map((p) => (has(p.flags, ts.SymbolFlags.Optional) ? `${p.name}?` : p.name))
    .sort();
}

function classSurface(checker: ts.TypeChecker, symbol: ts.Symbol): ClassSurface {
  const instanceType = checker.getDeclaredTypeOfSymbol(symbol);
  const staticType = checker.getTypeOfSymbol(symbol);
  const ctor = checker.getSignaturesOfType(staticType, ts.SignatureKind.Construct)[0];
  const last = ctor?.getParameters().at(-1);
  const propsType = last && checker.getTypeOfSymbol(last);
  const propsName = propsType?.aliasSymbol?.name ?? propsType?.getSymbol()?.name;
  const takesProps = last && propsName && /Props$/.test(propsName) && propsType;
  return {
    props: takesProps
      ? { name: propsName, members: membersOf(checker, checker.getNonNullableType(propsType)) }
      : undefined,
    instance: membersOf(checker, instanceType),
    statics: membersOf(checker, staticType),
  };
}

/** Reads the three clouds' entry points in one program (about a second). */
export function cloudSurfaces(): Record<Cloud, CloudSurface> {
  const program = ts.createProgram(sourceFiles(SRC), {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noResolve: true,
    noEmit: true,
    types: [],
    // ES2022 without the DOM typings the default library adds (half the parsing).
    lib: ['lib.es2022.d.ts'],
  });
  const checker = program.getTypeChecker();
  const surfaces = {} as Record<Cloud, CloudSurface>;
  for (const cloud of CLOUDS) {
    const source = program.getSourceFile(path.join(SRC, cloud, 'index.ts'));
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`no entry point for ${cloud}`);
    const classes = new Map<string, ClassSurface>();
    const interfaces = new Map<string, readonly Member[]>();
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = has(exported.flags, ts.SymbolFlags.Alias)
        ? checker.getAliasedSymbol(exported)
        : exported;
      if (has(symbol.flags, ts.SymbolFlags.Class)) {
        classes.set(exported.name, classSurface(checker, symbol));
      } else if (has(symbol.flags, ts.SymbolFlags.Interface)) {
        interfaces.set(exported.name, membersOf(checker, checker.getDeclaredTypeOfSymbol(symbol)));
      }
    }
    surfaces[cloud] = { classes, interfaces };
  }
  return surfaces;
}
