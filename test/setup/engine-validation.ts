/**
 * Jest setup file (registered in .projenrc.ts), run before every test file.
 *
 * aws-cdk-lib validates every synthesized template against CloudFormation's rules
 * (`@aws/cloudformation-validate`): about 2 s to start the engine in each test file's module
 * registry, plus a pass over each template on every `Template.fromStack`. Outside
 * `@aws-cdk/core:validateAgainstDefaultRules` its errors are only warnings in the report, which
 * no unit test reads, so unit tests skip it. The engine's verdict is asserted where it means
 * something: the data-loss guards validate every AWS example with the flag on (errors fail), and
 * tests that read the validation report opt back in with `useEngineValidation()`
 * (test/helpers/aws-stack.ts). DPK_TEST_ENGINE_VALIDATION=true runs the whole suite with it.
 * See docs/benchmarks.md.
 */
if (process.env.DPK_TEST_ENGINE_VALIDATION !== 'true') process.env.CDK_VALIDATION = 'false';
