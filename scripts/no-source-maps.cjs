// Preloaded after tsx by the main job (scripts/synth-examples.ts): tsx turns Node's source-map
// support on, and then every module loaded with an inline map (cdktf and each provider class
// ship theirs, ~2.5 MB for the GCP lakehouse) has it decoded, and every stack trace cdktf
// captures for a token is mapped. Synthesizing, nobody reads those traces: off, the GCP and
// Azure examples take about a third less CPU. `npx tsx main.ts` in an example keeps them.
process.setSourceMapsEnabled(false);
