/**
 * A Yjs update found by fuzzing (bit flips of a real update: a `text` Y.Text with a bold format, a deletion,
 * and a `paragraph` in the `default` fragment). `Y.decodeUpdate` accepts it, but `Y.applyUpdate` throws
 * "Unexpected case" (yjs findIndexSS, via Item.getMissing) after integrating part of it. fuzz.test.ts checks the
 * server refuses it before storing (server/sync/validateDocumentUpdate.ts); crashRecovery.test.ts plants it in
 * the SQLite log to check that a document holding one still loads.
 */
export const unintegrableUpdate = Uint8Array.from(
  Buffer.from(
    '010b87ad4b0004010474657874034172748187ad4b02048487ad4b060320312e8487ad4b090220548487ad4b0b1b68652050' +
      '617274696773207368616c6c20636f6f7065726174652e4687ad4b0004626f6c640474727565c687ad4b0987ad4b0a04626f' +
      '6c64046e756c6cc487ad4b0b87ad4b0c08636c6f73656c792007010764656661756c740309706172616772617068070087ad' +
      '4b3506040087ad4b3216436f6e6e656374697669747920636f727269646f72730187ad4b010304',
    'hex',
  ),
)
