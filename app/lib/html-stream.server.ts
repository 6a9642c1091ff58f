/**
 * React 18.3's renderToPipeableStream can send NUL bytes inside a page (react/react#31134, fixed in React 19
 * by react/react#26228): when the next character does not fit in its 2,048-byte buffer, it writes the whole
 * buffer, unfilled tail (1–3 zero bytes) included. Remix 2.17 stays on React 18, so the page stream drops
 * those trailing zeros from each full-size buffer on its way out. HTML never carries a NUL of its own: text
 * typed into the app is cleaned of control characters before it is stored.
 */
import { Transform } from "node:stream";

const REACT_VIEW_SIZE = 2048;

export function stripReactBufferPadding(chunk: Uint8Array): Uint8Array {
  if (chunk.length !== REACT_VIEW_SIZE || chunk[chunk.length - 1] !== 0) return chunk;
  let end = chunk.length;
  while (end > chunk.length - 3 && chunk[end - 1] === 0) end--;
  return chunk.subarray(0, end);
}

/** A pass-through for React's page stream that removes the padding above. */
export function reactHtmlStream(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, stripReactBufferPadding(chunk));
    },
  });
}
