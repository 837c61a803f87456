/**
 * The kit's doc comments follow aws-cdk's JSDoc conventions: `@default` on props and `@example`
 * bodies written as bare code. TSDoc (which api-extractor and api-documenter read) spells the
 * first `@defaultValue` and wants code fenced. This rewrites the emitted declarations (never
 * src/) so the reference shows defaults and renders examples as code. The API reports hold
 * signatures only, so they do not depend on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** One doc comment, translated: `@default` → `@defaultValue`, bare `@example` code fenced. */
export function translateComment(comment: string): string {
  const lines = comment.replace(/@default\b/g, '@defaultValue').split('\n');
  if (lines.length < 3) return lines.join('\n');
  const out: string[] = [];
  let fence = '';
  const close = () => {
    if (!fence) return;
    while (/^\s*\*\s*$/.test(out[out.length - 1])) out.pop();
    out.push(`${fence} \`\`\``);
    fence = '';
  };
  lines.forEach((line, i) => {
    const body = line.replace(/^\s*\*?\s?/, '');
    if (i === lines.length - 1 || body.startsWith('@')) close();
    out.push(line);
    const next = lines[i + 1]?.replace(/^\s*\*?\s?/, '') ?? '';
    if (/^@example\s*$/.test(body) && !next.startsWith('```')) {
      fence = line.slice(0, line.indexOf('*') + 1);
      out.push(`${fence} \`\`\`ts`);
    }
  });
  return out.join('\n');
}

/** Translates every doc comment of one declaration file in place. */
export function translateFile(file: string): void {
  const text = readFileSync(file, 'utf8');
  const translated = text.replace(/\/\*\*[\s\S]*?\*\//g, (comment) =>
    comment.includes('@default') || comment.includes('@example') ? translateComment(comment) : comment,
  );
  if (translated !== text) writeFileSync(file, translated);
}
