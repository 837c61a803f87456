import { ACCIDENTAL, IDIOMS } from './mirror-allowed';
import { drift } from './mirror-drift';
import { CLOUDS, cloudSurfaces } from '../helpers/public-members';

/**
 * The mirror (issue 13 §2, docs/architecture.md "Building blocks"): a block the clouds share
 * has the same props, attributes, methods and statics on each, and its `I<Block>` interface the
 * same members, except the cloud-only extras listed with a reason in ./mirror-allowed.ts.
 * A new difference fails with what differs; a listed extra that is gone fails too, so the
 * list shrinks as the clouds converge.
 */
const { blocks, extras } = drift(cloudSurfaces());

describe('the clouds mirror each other', () => {
  test('the shared blocks are found', () => {
    expect(blocks).toEqual(
      expect.arrayContaining([
        'Catalog',
        'EncryptionKey',
        'LakeStorage',
        'Lakehouse',
        'Network',
        'NotificationTarget',
        'Pipeline',
        'SparkJob',
        'StreamIngestion',
        'Warehouse',
        'IEncryptionKey',
        'ILakeStorage',
      ]),
    );
  });

  test.each(CLOUDS)('%s has no unlisted extra', (cloud) => {
    const allowed = new Set([
      ...Object.values(IDIOMS[cloud]).flatMap((group) => group.members),
      ...Object.keys(ACCIDENTAL[cloud]),
    ]);
    const unlisted = extras[cloud].filter((member) => !allowed.has(member));
    // A member here is on this cloud and missing (or optional/required differently) on another
    // cloud with the same block: mirror it there, or list it in mirror-allowed.ts with a reason.
    expect(unlisted).toEqual([]);
  });

  test.each(CLOUDS)('%s lists no extra that is gone', (cloud) => {
    const listed = [
      ...Object.values(IDIOMS[cloud]).flatMap((group) => group.members),
      ...Object.keys(ACCIDENTAL[cloud]),
    ];
    const gone = listed.filter((member) => !extras[cloud].includes(member));
    // Now mirrored (or removed): delete these lines from mirror-allowed.ts.
    expect(gone).toEqual([]);
  });
});
