/**
 * The fields SARIF 2.1.0 requires of what `dpk check` writes (checked by hand: the schema is
 * not downloaded in tests). Returns every missing or malformed field, so an assertion shows all.
 */
export function sarifShapeProblems(log: any): string[] {
  const problems: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  need(log?.version === '2.1.0', 'version is "2.1.0"');
  need(typeof log?.$schema === 'string' && log.$schema.includes('sarif'), '$schema names the SARIF schema');
  need(Array.isArray(log?.runs) && log.runs.length > 0, 'runs is a non-empty array');
  for (const [r, run] of (log?.runs ?? []).entries()) {
    const driver = run?.tool?.driver;
    need(typeof driver?.name === 'string' && driver.name !== '', `runs[${r}].tool.driver.name`);
    need(Array.isArray(driver?.rules), `runs[${r}].tool.driver.rules is an array`);
    const ruleIds: string[] = (driver?.rules ?? []).map((rule: any) => rule?.id);
    for (const [i, rule] of (driver?.rules ?? []).entries()) {
      need(typeof rule?.id === 'string', `runs[${r}].rules[${i}].id`);
      need(typeof rule?.shortDescription?.text === 'string', `runs[${r}].rules[${i}].shortDescription.text`);
      need(typeof rule?.help?.text === 'string', `runs[${r}].rules[${i}].help.text`);
    }
    need(Array.isArray(run?.results), `runs[${r}].results is an array`);
    for (const [i, result] of (run?.results ?? []).entries()) {
      const at = `runs[${r}].results[${i}]`;
      need(ruleIds.includes(result?.ruleId), `${at}.ruleId names a rule of its run`);
      need(ruleIds[result?.ruleIndex] === result?.ruleId, `${at}.ruleIndex points at its rule`);
      need(['error', 'warning', 'note', 'none'].includes(result?.level), `${at}.level`);
      need(typeof result?.message?.text === 'string' && result.message.text !== '', `${at}.message.text`);
      const location = result?.locations?.[0];
      need(typeof location?.physicalLocation?.artifactLocation?.uri === 'string', `${at}.locations[0] uri`);
      need(Number.isInteger(location?.physicalLocation?.region?.startLine), `${at}.locations[0] startLine`);
      need(typeof location?.logicalLocations?.[0]?.fullyQualifiedName === 'string', `${at}.logicalLocations`);
      for (const s of result?.suppressions ?? []) {
        need(s?.kind === 'inSource' && typeof s?.justification === 'string', `${at}.suppressions`);
      }
    }
  }
  return problems;
}
