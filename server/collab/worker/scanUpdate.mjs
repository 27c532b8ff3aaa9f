// Reads a V1 Yjs update's structure without building anything (no Y.Doc, no items): how many structs
// of which clients, whether any is a subdocument, and the delete set's ranges. Yjs's own decoder
// builds one Y.Doc per subdocument struct and trusts every declared count (yjs issue 687), so this
// runs first and refuses those shapes in time proportional to the message size.
import * as decoding from 'lib0/decoding';

/** A struct or range count larger than the bytes left can only be a lie: no struct takes 0 bytes. */
function count(decoder, what) {
  const n = decoding.readVarUint(decoder);
  if (n > decoder.arr.length - decoder.pos + 1) throw new Error(`${what}: count ${n} exceeds the message`);
  return n;
}

/** lib0 reads past the end as `undefined` instead of throwing; every read here goes through this. */
function checkEnd(decoder) {
  if (decoder.pos > decoder.arr.length) throw new Error('unexpected end of update');
}

/** Reads an item id (client, clock) into `refs`, the ids an update's items point to. */
function readId(decoder, refs) {
  refs.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder));
}

/** Skips an item's content; returns its length in clocks (as Yjs counts them). */
function skipContent(decoder, ref) {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(decoder);
    case 2: {
      // JSON: an array of strings
      const n = count(decoder, 'json');
      for (let i = 0; i < n; i++) decoding.readVarString(decoder);
      return n;
    }
    case 3: // binary
      decoding.readVarUint8Array(decoder);
      return 1;
    case 4: // string: one clock per UTF-16 unit
      return decoding.readVarString(decoder).length;
    case 5: // embed (JSON text)
      decoding.readVarString(decoder);
      return 1;
    case 6: // format: key, JSON value
      decoding.readVarString(decoder);
      decoding.readVarString(decoder);
      return 1;
    case 7: {
      // type: its type ref, and a node name for XmlElement (3) and XmlHook (5)
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(decoder);
      else if (typeRef > 6) throw new Error(`unknown type ref ${typeRef}`);
      return 1;
    }
    case 8: {
      const n = count(decoder, 'any');
      for (let i = 0; i < n; i++) {
        decoding.readAny(decoder);
        checkEnd(decoder);
      }
      return n;
    }
    case 9:
      throw new Error('subdocuments are not allowed');
    default:
      throw new Error(`unknown content ${ref}`);
  }
}

/**
 * The shape of a V1 update. Throws on anything malformed, on subdocuments, and on a delete set whose
 * ranges are not sorted and disjoint per client (every stock encoder sorts and merges them; unsorted
 * ranges make Yjs split one item over and over: quadratic work on the live document).
 * `starts` and `ends`: for each client with structs, the clock of its first one and the clock after
 * its last one; `refs`: the ids (client, clock pairs, flat) the items point to (origins, parents);
 * `ds`: the delete set (client, clock, length triples, flat).
 * @param {Uint8Array} update
 * @returns {{ structs: number, starts: Map<number, number>, ends: Map<number, number>, refs: number[], ds: number[], deleteRanges: number }}
 */
export function scanUpdate(update) {
  const decoder = decoding.createDecoder(update);
  let structs = 0;
  const starts = new Map();
  const ends = new Map();
  const refs = [];
  const ds = [];
  const numClients = count(decoder, 'clients');
  for (let c = 0; c < numClients; c++) {
    const n = count(decoder, 'structs');
    const client = decoding.readVarUint(decoder);
    let clock = decoding.readVarUint(decoder);
    if (n > 0) starts.set(client, Math.min(clock, starts.get(client) ?? clock));
    structs += n;
    for (let i = 0; i < n; i++) {
      const info = decoding.readUint8(decoder);
      const ref = info & 31;
      if (ref === 0 || ref === 10) {
        clock += decoding.readVarUint(decoder); // GC or Skip: a length
      } else {
        if (info & 128) readId(decoder, refs); // origin
        if (info & 64) readId(decoder, refs); // right origin
        if ((info & (64 | 128)) === 0) {
          if (decoding.readVarUint(decoder) === 1)
            decoding.readVarString(decoder); // root type name
          else readId(decoder, refs); // parent item id
          if (info & 32) decoding.readVarString(decoder); // map key
        }
        clock += skipContent(decoder, ref);
      }
      checkEnd(decoder);
    }
    if (n > 0) ends.set(client, Math.max(clock, ends.get(client) ?? 0));
  }
  let deleteRanges = 0;
  const dsClients = count(decoder, 'delete set');
  for (let c = 0; c < dsClients; c++) {
    const client = decoding.readVarUint(decoder);
    const n = count(decoder, 'delete ranges');
    let end = -1;
    for (let i = 0; i < n; i++) {
      const clock = decoding.readVarUint(decoder);
      const len = decoding.readVarUint(decoder);
      checkEnd(decoder);
      if (clock <= end) throw new Error('delete set ranges are not sorted');
      end = clock + len - 1;
      ds.push(client, clock, len);
    }
    deleteRanges += n;
  }
  checkEnd(decoder);
  return { structs, starts, ends, refs, ds, deleteRanges };
}
