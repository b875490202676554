// The journal's hash chain: each entry's hash covers the previous entry's hash and the
// entry's own content, so changing, removing or reordering a stored entry breaks the chain.
import { createHash } from 'node:crypto';

/** The previous hash of a municipality's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: everything written except the database-generated id. */
export type ChainedContent = {
  personId: string;
  errandId: string | null;
  authorId: string;
  writtenAt: Date;
  text: string;
  correctsId: number | null;
};

/** sha256 (hex) of a canonical JSON: keys in alphabetical order, time as ISO 8601 UTC. */
export function entryHash(previousHash: string, content: ChainedContent): string {
  const canonical = JSON.stringify({
    authorId: content.authorId,
    correctsId: content.correctsId,
    errandId: content.errandId,
    personId: content.personId,
    previousHash,
    text: content.text,
    writtenAt: content.writtenAt.toISOString(),
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** A link of the chain: an entry, or the tombstone of one removed by lawful disposal (gallring). */
export type ChainLink =
  | ({ kind: 'entry'; id: number; previousHash: string; hash: string } & ChainedContent)
  | { kind: 'tombstone'; id: number; previousHash: string; hash: string };

export type ChainWalk = { expectedPrevious: string; checked: number; firstBrokenId: number | null };

export function startWalk(): ChainWalk {
  return { expectedPrevious: GENESIS_HASH, checked: 0, firstBrokenId: null };
}

/**
 * Checks the next entries (in id order) against the chain so far. An entry is broken when
 * it does not point to the previous entry's hash (one was removed or changed before it) or
 * when its own content no longer gives its hash (it was changed). A tombstone's content is
 * gone, so only its place in the chain is checked. The whole chain is walked, so `checked`
 * counts every link; only the first break is reported.
 */
export function walk(state: ChainWalk, links: readonly ChainLink[]): ChainWalk {
  let { expectedPrevious, checked, firstBrokenId } = state;
  for (const link of links) {
    checked++;
    const broken =
      link.previousHash !== expectedPrevious ||
      (link.kind === 'entry' && entryHash(link.previousHash, link) !== link.hash);
    if (broken && firstBrokenId === null) firstBrokenId = link.id;
    expectedPrevious = link.hash;
  }
  return { expectedPrevious, checked, firstBrokenId };
}
