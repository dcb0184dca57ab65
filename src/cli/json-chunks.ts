/**
 * `JSON.stringify(object, null, 2)` of a top-level object, handed out in pieces of about 1 MB.
 *
 * The scan of a large vault is more JSON than one string may hold: 52,000 notes make 150 MB of
 * it, and at 208,000 notes it passes V8's longest string (2^29 − 24 characters, ~536 MB), where
 * `JSON.stringify` throws "Invalid string length". Written piece by piece, no string is longer
 * than one piece plus its largest item, and each item is turned into JSON only when its piece
 * is written (`lazyList`), so the output never exists whole in memory either.
 *
 * The text is byte for byte what `JSON.stringify(object, null, 2)` gives (a test checks it):
 * each part is cut out of the JSON of an object holding only that part (see `jsonChunks`).
 */

/** An array whose items are made (`map`) as they are written, not before. */
export interface LazyList<T> {
  readonly lazy: true;
  readonly items: readonly T[];
  readonly map: (item: T) => unknown;
}

export function lazyList<T>(items: readonly T[], map: (item: T) => unknown): LazyList<T> {
  return { lazy: true, items, map };
}

function isLazy(v: unknown): v is LazyList<unknown> {
  return typeof v === 'object' && v !== null && (v as { lazy?: unknown }).lazy === true && Array.isArray((v as LazyList<unknown>).items);
}

const PIECE = 1 << 20;
/** Items stringified together: one `JSON.stringify` call per group, none per item. */
const GROUP = 256;

/**
 * The pieces of `{ key: value, … }` as `JSON.stringify(…, null, 2)` writes it. Arrays and lazy
 * lists among the values are written a group of items at a time; any other value in one go.
 *
 * Each part is cut out of `JSON.stringify({ [key]: part }, null, 2)`, which writes it at the
 * depth it has in the whole: a value after `{\n  "key": ` and before `\n}`, a group of items
 * after `{\n  "key": [\n` and before `\n  ]\n}`. So nothing is re-indented, and whatever
 * JSON.stringify does with a value (undefined left out of an object and null in an array,
 * `toJSON`) it does here too.
 */
export function* jsonChunks(object: Record<string, unknown>): Generator<string> {
  let buf = '{';
  let first = true;
  for (const key of Object.keys(object)) {
    const value = object[key];
    const list = isLazy(value) ? value : Array.isArray(value) ? lazyList(value as unknown[], (x) => x) : null;
    const name = JSON.stringify(key);
    if (list === null || list.items.length === 0) {
      const json = JSON.stringify({ [key]: list === null ? value : [] }, null, 2);
      if (json === '{}') continue; // undefined, a function: JSON leaves the key out
      buf += `${first ? '' : ','}\n${json.slice(2, -2)}`;
      first = false;
      continue;
    }
    buf += `${first ? '' : ','}\n  ${name}: [\n`;
    first = false;
    const head = `{\n  ${name}: [\n`.length;
    const tail = '\n  ]\n}'.length;
    const { items, map } = list;
    for (let from = 0; from < items.length; from += GROUP) {
      const group: unknown[] = [];
      for (let i = from; i < Math.min(items.length, from + GROUP); i++) group.push(map(items[i]));
      const json = JSON.stringify({ [key]: group }, null, 2);
      buf += `${from === 0 ? '' : ',\n'}${json.slice(head, json.length - tail)}`;
      if (buf.length >= PIECE) {
        yield buf;
        buf = '';
      }
    }
    buf += '\n  ]';
  }
  buf += first ? '}' : '\n}';
  yield buf;
}
