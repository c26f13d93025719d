import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { changesDocument, stateOf } from '../../server/collab/inspect';

/** A document written by `clients` clients, some of whose text was deleted again. */
function written(clients: number): Y.Doc {
  const doc = new Y.Doc();
  for (let c = 0; c < clients; c++) {
    const peer = new Y.Doc();
    peer.clientID = 1000 + c;
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    peer.getText('t').insert(0, `client ${c} wrote this; `);
    if (c % 3 === 0) peer.getText('t').delete(0, 4);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
  }
  return doc;
}

describe('reading a document’s clocks without encoding its state vector', () => {
  test.each([0, 1, 7, 50])('stateOf is the decoded state vector, for %i clients', (clients) => {
    const doc = written(clients);
    expect(stateOf(doc)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
  });

  test('changesDocument: what the document has already changes nothing; new content or a new deletion does', () => {
    const doc = written(5);
    expect(changesDocument(doc, Y.encodeStateAsUpdate(doc))).toBe(false);

    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const vector = Y.encodeStateVector(peer);
    peer.getText('t').insert(0, 'new ');
    expect(changesDocument(doc, Y.encodeStateAsUpdate(peer, vector))).toBe(true);

    const deleter = new Y.Doc();
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(doc));
    deleter.getText('t').delete(0, 3);
    // Only the deletion (no new content of the deleter's own would integrate: a delete set alone).
    const update = Y.encodeStateAsUpdate(deleter, Y.encodeStateVector(doc));
    expect(changesDocument(doc, update)).toBe(true);
    Y.applyUpdate(doc, update);
    expect(changesDocument(doc, update)).toBe(false);
  });
});
