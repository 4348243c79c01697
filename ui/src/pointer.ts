// Maps JSON pointers ("/fields/1/type") to places in a JSON text, so that a change reported by the diff can be
// shown in the pretty-printed schema (or selected in the playground's editor).
import type { TextLocation } from './api';
import { isJsonFormat } from './formats.js';

/** A character range [start, end) of a text. */
export interface Span {
  start: number;
  end: number;
}

/** Lines of a text, 1-based and inclusive. */
export interface LineRange {
  first: number;
  last: number;
}

const escapeToken = (t: string) => t.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The span of every value of a JSON text by its JSON pointer; an object member's span starts at its key.
 * Returns null when the text is not JSON.
 */
export function locate(text: string): Map<string, Span> | null {
  const spans = new Map<string, Span>();
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`Unexpected input at ${i}`);
  };
  const string = (): string => {
    if (text[i] !== '"') fail();
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (pointer: string, spanStart: number | null) => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else
        for (;;) {
          ws();
          const keyStart = i;
          const key = string();
          ws();
          if (text[i++] !== ':') fail();
          value(pointer + '/' + escapeToken(key), keyStart);
          ws();
          const sep = text[i++];
          if (sep === '}') break;
          if (sep !== ',') fail();
        }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else
        for (let n = 0; ; n++) {
          value(pointer + '/' + n, null);
          ws();
          const sep = text[i++];
          if (sep === ']') break;
          if (sep !== ',') fail();
        }
    } else if (c === '"') {
      string();
    } else {
      const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += m![0].length;
    }
    spans.set(pointer, { start: spanStart ?? start, end: i });
  };
  try {
    value('', null);
    ws();
    if (i !== text.length) return null;
    return spans;
  } catch {
    return null;
  }
}

/** Normalizes a pointer as the server may send it ("#/a", "/a", "", null). */
export function normalizePointer(pointer: string | null | undefined): string | null {
  if (pointer === null || pointer === undefined) return null;
  let p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (p === '/') p = '';
  return p;
}

/**
 * The span of a pointer, or of its nearest existing ancestor when the pointer itself is not in the text
 * (exact=false), e.g. a path inside a referenced schema.
 */
export function resolvePointer(
  spans: Map<string, Span>,
  pointer: string | null | undefined,
): { span: Span; exact: boolean } | null {
  let p = normalizePointer(pointer);
  if (p === null) return null;
  let exact = true;
  for (;;) {
    const span = spans.get(p);
    if (span) return { span, exact };
    if (p === '') return null;
    p = p.slice(0, p.lastIndexOf('/'));
    exact = false;
  }
}

/** Offsets where each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function spanLines(starts: number[], span: Span): LineRange {
  return { first: lineOf(starts, span.start), last: lineOf(starts, Math.max(span.start, span.end - 1)) };
}

/** A schema text ready to show: pretty-printed when it is JSON, with the lines of each JSON pointer. */
export interface PrettySchema {
  text: string;
  json: boolean;
  /**
   * The lines of a path: found by JSON pointer in a pretty-printed JSON text; otherwise (a text shown as
   * stored, such as .proto) the line the server located it on.
   */
  lines(pointer: string | null | undefined, location?: TextLocation | null): (LineRange & { exact: boolean }) | null;
}

export function prettySchema(schema: string, schemaType: string): PrettySchema {
  let text = schema;
  let spans: Map<string, Span> | null = null;
  if (isJsonFormat(schemaType)) {
    try {
      text = JSON.stringify(JSON.parse(schema), null, 2);
      spans = locate(text);
    } catch {
      text = schema;
    }
  }
  const starts = lineStarts(text);
  return {
    text,
    json: spans !== null,
    lines(pointer, location) {
      if (!spans) {
        if (!location || location.line > starts.length) return null;
        return { first: location.line, last: location.line, exact: location.exact };
      }
      const hit = resolvePointer(spans, pointer);
      if (!hit) return null;
      // The root is the whole document: point at its first line rather than painting everything.
      if (hit.span.start === 0 && hit.span.end === text.length) return { first: 1, last: 1, exact: hit.exact };
      return { ...spanLines(starts, hit.span), exact: hit.exact };
    },
  };
}
