// Syntax highlighting (highlight.js core with only the grammars we show), split into lines so that code views
// can number, mark and scroll to single lines.
import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import protobuf from 'highlight.js/lib/languages/protobuf';
import { formatOf } from './formats';

hljs.registerLanguage('json', json);
hljs.registerLanguage('protobuf', protobuf);

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The grammar for a schema text: the format's, unless a JSON format's text is not JSON after all. */
export function languageOf(schemaType: string, isJson: boolean): string {
  const language = formatOf(schemaType)?.highlight ?? 'plaintext';
  if (language === 'json') return isJson ? 'json' : 'plaintext';
  return hljs.getLanguage(language) ? language : 'plaintext';
}

/** Highlighted HTML of each line; spans that cross a line break are closed and reopened. */
export function highlightLines(text: string, language: string): string[] {
  const html =
    language === 'plaintext' || text.length > 2_000_000
      ? escapeHtml(text)
      : hljs.highlight(text, { language, ignoreIllegals: true }).value;
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  const token = /<span[^>]*>|<\/span>|\n/g;
  let last = 0;
  for (let m = token.exec(html); m; m = token.exec(html)) {
    line += html.slice(last, m.index);
    last = token.lastIndex;
    const t = m[0];
    if (t === '\n') {
      lines.push(line + '</span>'.repeat(open.length));
      line = open.join('');
    } else if (t === '</span>') {
      open.pop();
      line += t;
    } else {
      open.push(t);
      line += t;
    }
  }
  lines.push(line + html.slice(last));
  return lines;
}
