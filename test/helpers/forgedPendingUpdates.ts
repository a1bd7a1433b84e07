/**
 * Five updates a client may send, one paragraph under client id 11. The last is the fourth with its bits flipped
 * (found by a search like the protocol fuzz test's): it claims clocks 17–19 of client 11, the first of which
 * the document already has, with its text after an item of client 15 that never existed. Each decodes and applies;
 * Yjs keeps the last pending.
 */
export const forgedPendingUpdates = [
  'AQMLAAcBB2RlZmF1bHQDCXBhcmFncmFwaAcACwAGBAALAQtoZWxsbyB3b1JsZAA=',
  'AQMLDcYLAgsDBGJvbGQCe33ECw0LAwFhxgsOCwMEYm9sZARudWxsAA==',
  'AQELEMQLCwsMAWEA',
  'AQELEcQLDgsPAWEA',
  'AQELEcQPLwswA2FiYwA=',
].map((base64) => Uint8Array.from(Buffer.from(base64, 'base64')))
