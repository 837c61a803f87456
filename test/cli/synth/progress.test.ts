import { recordingIo } from './outputs';
import { progressOn } from '../../../src/cli/synth/progress';

describe('synth progress', () => {
  test('not interactive: one line per stack as it is written, nothing for a single stack', () => {
    const recorded = recordingIo('/');
    const progress = progressOn(recorded.io);
    progress.building('gcp');
    progress.writing('gcp', 2);
    progress.stackWritten('gcp', 'acme-governance');
    progress.stackWritten('gcp', 'acme-sales-products');
    progress.writing('azure', 1);
    progress.stackWritten('azure', 'sales');
    progress.finish();
    expect(recorded.err()).toBe(
      'gcp: 1/2 stacks written (acme-governance)\ngcp: 2/2 stacks written (acme-sales-products)\n',
    );
  });

  test('interactive: one line redrawn in place, cleared at the end', () => {
    const recorded = recordingIo('/');
    const progress = progressOn({ ...recorded.io, interactive: true });
    progress.writing('aws', 2);
    progress.stackWritten('aws', 'a');
    progress.stackWritten('aws', 'b');
    progress.finish();
    const frames = recorded.err().split('\r\x1b[2K');
    expect(frames).toEqual([
      '',
      'aws: writing 2 stacks…',
      'aws: 1/2 stacks written (a)',
      'aws: 2/2 stacks written (b)',
      '',
    ]);
    expect(recorded.err()).not.toContain('\n');
  });
});
