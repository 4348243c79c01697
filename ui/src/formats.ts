// The schema formats the server knows (GET /v1/formats): names, file extensions and the highlighting grammar.
// Loaded once before the first render; nothing else in the UI decides these by schema type.
import { type SchemaType, api } from './api.js';

export interface FormatInfo {
  schemaType: SchemaType;
  name: string;
  fileExtensions: string[];
  highlight: string;
  renderings: string[];
}

let known: FormatInfo[] = [];

export async function loadFormats(): Promise<void> {
  known = await api.formats();
}

/** For tests that run without a server. */
export function setFormats(list: FormatInfo[]): void {
  known = list;
}

export function formats(): FormatInfo[] {
  return known;
}

export function schemaTypes(): SchemaType[] {
  return known.map((f) => f.schemaType);
}

/** Choices for a type drop-down: the type as the API names it, labelled with the format's name. */
export function schemaTypeOptions(): { value: string; label: string }[] {
  return known.map((f) => ({ value: f.schemaType, label: f.name }));
}

export function formatOf(schemaType: string | null | undefined): FormatInfo | undefined {
  return known.find((f) => f.schemaType === schemaType);
}

/** Whether texts of this type are JSON documents (pretty-printed, located by JSON pointer). */
export function isJsonFormat(schemaType: string): boolean {
  return formatOf(schemaType)?.highlight === 'json';
}

/** The format a file name says, by its longest matching extension (".schema.json" before ".json"). */
export function formatOfFile(fileName: string): FormatInfo | undefined {
  let best: FormatInfo | undefined;
  let bestLength = 0;
  for (const f of known) {
    for (const ext of f.fileExtensions) {
      if (fileName.toLowerCase().endsWith(ext) && ext.length > bestLength) {
        best = f;
        bestLength = ext.length;
      }
    }
  }
  return best;
}
