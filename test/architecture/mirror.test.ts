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
    if (unlisted.length) {
      throw new Error(
        `${cloud} has members that another cloud with the same block lacks (or has with other optionality):\n  ` +
          `${unlisted.join('\n  ')}\nMirror them on the other clouds, or list them in ` +
          'test/architecture/mirror-allowed.ts with a reason.',
      );
    }
  });

  test.each(CLOUDS)('%s lists no extra that is gone', (cloud) => {
    const listed = [
      ...Object.values(IDIOMS[cloud]).flatMap((group) => group.members),
      ...Object.keys(ACCIDENTAL[cloud]),
    ];
    const gone = listed.filter((member) => !extras[cloud].includes(member));
    if (gone.length) {
      throw new Error(
        `Listed for ${cloud} in test/architecture/mirror-allowed.ts but now mirrored or removed; ` +
          `delete them from the list:\n  ${gone.join('\n  ')}`,
      );
    }
  });
});
