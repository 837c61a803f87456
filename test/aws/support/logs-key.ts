/**
 * The CloudWatch Logs statement of a synthesized key policy: exactly one, for the regional logs
 * service, with ArnLike on the kit's log-group name patterns. `logsStatementCovers` says whether
 * it lets the logs service use the key for the log group `name` (glob match on the pattern).
 */
const flat = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : Array.isArray(v)
      ? v.map(flat).join('')
      : (v as any)?.['Fn::Join']
        ? ((v as any)['Fn::Join'][1] as unknown[]).map(flat).join((v as any)['Fn::Join'][0])
        : (v as any)?.Ref
          ? `<${(v as any).Ref}>`
          : JSON.stringify(v);

/** The one logs statement of `keyPolicy`; throws unless there is exactly one. */
export function logsStatement(keyPolicy: any): any {
  const statements = (keyPolicy.Statement as any[]).filter((s) =>
    flat(s.Principal?.Service ?? '').startsWith('logs.'),
  );
  if (statements.length !== 1) throw new Error(`Expected one logs statement, found ${statements.length}`);
  return statements[0];
}

/** The log-group ARN patterns the logs statement allows, flattened (`arn:<AWS::Partition>:logs:…`). */
export function logsPatterns(keyPolicy: any): string[] {
  const values = logsStatement(keyPolicy).Condition.ArnLike['kms:EncryptionContext:aws:logs:arn'];
  return [values].flat().map(flat);
}

/** Whether the logs statement covers the log group `name` in eu-west-1 / 111122223333. */
export function logsStatementCovers(keyPolicy: any, name: string): boolean {
  const arn = `arn:<AWS::Partition>:logs:eu-west-1:111122223333:log-group:${name}`;
  return logsPatterns(keyPolicy).some((p) =>
    new RegExp(`^${p.replace(/[.+?^${}()|[\]\\<>]/g, '\\$&').replace(/\*/g, '.*')}$`).test(arn),
  );
}
