/**
 * Rewrites the data-loss baselines from the examples as they synthesize now: the stateful
 * identities of every example and, on AWS, the templates that cloudformation-diff compares
 * against. Run on purpose (`npx projen baselines`) and explain the change in the commit.
 */
import { writeBaselines } from '../test/guards/baselines';
import { exampleNames, synthesizeExample } from '../test/guards/examples';

for (const example of exampleNames()) {
  writeBaselines(example, synthesizeExample(example));
  console.log(`baselines written: ${example}`);
}
