import { type Cloud, CLOUDS, type CloudSurface, type Member } from '../helpers/public-members';

/**
 * What differs between the clouds' blocks. Members are named as in the allow-list
 * (./mirror-allowed.ts): `Block#member` (instance), `Block.MEMBER` (static),
 * `BlockProps.member` (props, by the block's name), `IBlock.member` (interface); a trailing `?`
 * means optional, so a member optional on one cloud and required on another differs.
 */

/** One cloud's members that not every cloud with the same block has. */
export type Extras = Record<Cloud, string[]>;

function compare(
  extras: Extras,
  byCloud: Partial<Record<Cloud, readonly Member[]>>,
  key: (m: Member) => string,
) {
  const present = CLOUDS.filter((c) => byCloud[c]);
  if (present.length < 2) return;
  for (const cloud of present) {
    for (const member of byCloud[cloud]!) {
      if (!present.every((other) => byCloud[other]!.includes(member))) extras[cloud].push(key(member));
    }
  }
}

/** Every block (class or `I<Block>` interface) two or more clouds export, and each cloud's extras. */
export function drift(surfaces: Record<Cloud, CloudSurface>): { blocks: string[]; extras: Extras } {
  const extras: Extras = { aws: [], gcp: [], azure: [] };
  const classNames = new Set(CLOUDS.flatMap((c) => [...surfaces[c].classes.keys()]));
  const blocks: string[] = [];
  for (const name of [...classNames].sort()) {
    const on = Object.fromEntries(
      CLOUDS.flatMap((c) => (surfaces[c].classes.has(name) ? [[c, surfaces[c].classes.get(name)!]] : [])),
    ) as Partial<Record<Cloud, NonNullable<ReturnType<CloudSurface['classes']['get']>>>>;
    if (Object.keys(on).length < 2) continue;
    blocks.push(name);
    const pick = <T>(f: (s: NonNullable<(typeof on)[Cloud]>) => T) =>
      Object.fromEntries(Object.entries(on).map(([c, s]) => [c, f(s!)])) as Partial<Record<Cloud, T>>;
    compare(
      extras,
      pick((s) => s.props?.members ?? []),
      (m) => `${name}Props.${m}`,
    );
    compare(
      extras,
      pick((s) => s.instance),
      (m) => `${name}#${m}`,
    );
    compare(
      extras,
      pick((s) => s.statics),
      (m) => `${name}.${m}`,
    );
  }
  const interfaceNames = new Set(CLOUDS.flatMap((c) => [...surfaces[c].interfaces.keys()]));
  for (const name of [...interfaceNames].filter((n) => /^I[A-Z]/.test(n)).sort()) {
    const byCloud = Object.fromEntries(
      CLOUDS.flatMap((c) =>
        surfaces[c].interfaces.has(name) ? [[c, surfaces[c].interfaces.get(name)!]] : [],
      ),
    ) as Partial<Record<Cloud, readonly Member[]>>;
    if (Object.keys(byCloud).length < 2) continue;
    blocks.push(name);
    compare(extras, byCloud, (m) => `${name}.${m}`);
  }
  return { blocks, extras };
}
