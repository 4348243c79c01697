// Unit tests of the JSON pointer -> line mapping (run by `npm test`, part of `npm run build`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { locate, prettySchema, resolvePointer } from './pointer.js';
import { setFormats } from './formats.js';

// what GET /v1/formats answers
setFormats([
  { schemaType: 'AVRO', name: 'Avro', fileExtensions: ['.avsc'], highlight: 'json', renderings: ['resolved'] },
  { schemaType: 'JSON', name: 'JSON Schema', fileExtensions: ['.schema.json', '.json'], highlight: 'json', renderings: [] },
  { schemaType: 'PROTOBUF', name: 'Protobuf', fileExtensions: ['.proto'], highlight: 'protobuf', renderings: [] },
]);

const avro = JSON.stringify({
  type: 'record',
  name: 'Order',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'amount', type: ['null', { type: 'array', items: 'long' }], default: null },
  ],
});

test('maps Avro field paths to the lines of the pretty-printed schema', () => {
  const pretty = prettySchema(avro, 'AVRO');
  const lines = pretty.text.split('\n');
  const field = pretty.lines('/fields/1')!;
  assert.match(lines[field.first - 1], /^\s*\{$/);
  assert.match(lines[field.first], /"name": "amount"/);
  assert.match(lines[field.last - 1], /^\s*\}$/);
  const type = pretty.lines('/fields/1/type/1/items')!;
  assert.equal(type.first, type.last);
  assert.match(lines[type.first - 1], /"items": "long"/);
  assert.equal(type.exact, true);
});

test('an object member starts at its key', () => {
  const text = '{\n  "a": {\n    "b": 1\n  }\n}';
  const spans = locate(text)!;
  assert.equal(text.slice(spans.get('/a')!.start, spans.get('/a')!.end), '"a": {\n    "b": 1\n  }');
  assert.equal(text.slice(spans.get('/a/b')!.start, spans.get('/a/b')!.end), '"b": 1');
});

test('escaped pointer tokens and tricky strings', () => {
  const text = JSON.stringify({ properties: { 'a/b': { x: '}]"{' }, 'c~d': [1, 2] } }, null, 2);
  const spans = locate(text)!;
  assert.ok(spans.get('/properties/a~1b/x'));
  assert.ok(spans.get('/properties/c~0d/1'));
});

test('a missing pointer falls back to its nearest ancestor; "#" prefixes and the root are accepted', () => {
  const spans = locate(JSON.stringify({ fields: [{ name: 'x' }] }))!;
  const hit = resolvePointer(spans, '#/fields/0/type/items')!;
  assert.equal(hit.exact, false);
  assert.deepEqual(hit.span, spans.get('/fields/0'));
  assert.equal(resolvePointer(spans, null), null);
  const root = prettySchema('{"type":"string"}', 'JSON').lines('')!;
  assert.deepEqual([root.first, root.last], [1, 1]);
});

test('text that is not JSON has no places', () => {
  assert.equal(locate('{"a": }'), null);
  assert.equal(locate('{"a": 1} x'), null);
  const proto = prettySchema('syntax = "proto3";\nmessage A {}', 'PROTOBUF');
  assert.equal(proto.json, false);
  assert.equal(proto.lines('/a'), null);
});

test('a .proto text is shown as stored and its changes are on the lines the server located', () => {
  const proto = 'syntax = "proto3";\n\nmessage Order {\n  string id = 1;\n}\n';
  const pretty = prettySchema(proto, 'PROTOBUF');
  assert.equal(pretty.text, proto);
  assert.equal(pretty.json, false);
  assert.deepEqual(pretty.lines('/Order/fields/1', { line: 4, column: 3, exact: true }), { first: 4, last: 4, exact: true });
  // no location (an old server): nothing to mark rather than a wrong line
  assert.equal(pretty.lines('/Order/fields/1'), null);
  // a location beyond the text shown is not trusted
  assert.equal(pretty.lines('/Order/fields/1', { line: 40, column: 1, exact: true }), null);
});
