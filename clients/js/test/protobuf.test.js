// The real npm Schema Registry clients against a running Accord (ACCORD_URL), with Protobuf:
// the Confluent JavaScript client auto-registers a message whose file imports another file (it sends
// base64 FileDescriptorProtos), kafkajs registers .proto text with a reference to another subject, and
// each client reads what the other wrote.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { create, createFileRegistry, createMutableRegistry, fromBinary } from '@bufbuild/protobuf';
import {
  FileDescriptorProtoSchema, FieldDescriptorProto_Type as Type, FieldDescriptorProto_Label as Label,
  file_google_protobuf_timestamp, timestampFromDate,
} from '@bufbuild/protobuf/wkt';

const require = createRequire(import.meta.url);
const confluent = require('@confluentinc/schemaregistry');
const kafkajs = require('@kafkajs/confluent-schema-registry');

const url = process.env.ACCORD_URL ?? 'http://localhost:8080';
// subjects unique to this run, so the suite can run against a registry that already has data
const run = Date.now().toString(36);

async function rest(method, path, body) {
  const response = await fetch(url + path, {
    method,
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const MONEY_PROTO = `syntax = "proto3";
package acme.common;

message Money {
  string currency = 1;
  int64 units = 2;
}
`;

const SHIPMENT_PROTO = `syntax = "proto3";
package acme.shipping;

import "acme/common/money.proto";

message Shipment {
  string id = 1;
  acme.common.Money cost = 2;
  repeated string parcels = 4;
}
`;

/**
 * The descriptors a protoc-generated TypeScript module would carry, for the Confluent client. kafkajs'
 * protobufjs parser does not know the well-known google/protobuf files, so the variant kafkajs reads has no
 * Timestamp field.
 */
function confluentTypes({ withTimestamp }) {
  const field = (name, number, type, extra = {}) =>
    ({ name, number, type, label: Label.OPTIONAL, jsonName: name.replace(/_(.)/g, (_, c) => c.toUpperCase()), ...extra });
  const money = create(FileDescriptorProtoSchema, {
    name: 'acme/common/money.proto', package: 'acme.common', syntax: 'proto3',
    messageType: [{ name: 'Money', field: [field('currency', 1, Type.STRING), field('units', 2, Type.INT64)] }],
  });
  const orders = create(FileDescriptorProtoSchema, {
    name: withTimestamp ? 'acme/orders.proto' : 'acme/plain_orders.proto', package: 'acme', syntax: 'proto3',
    dependency: ['acme/common/money.proto', ...(withTimestamp ? ['google/protobuf/timestamp.proto'] : [])],
    messageType: [{
      name: 'Order',
      field: [
        field('id', 1, Type.STRING),
        field('total', 2, Type.MESSAGE, { typeName: '.acme.common.Money' }),
        ...(withTimestamp ? [field('placed_at', 3, Type.MESSAGE, { typeName: '.google.protobuf.Timestamp' })] : []),
        field('status', 4, Type.ENUM, { typeName: '.acme.Order.Status' }),
        field('lines', 5, Type.STRING, { label: Label.REPEATED }),
      ],
      enumType: [{ name: 'Status', value: [{ name: 'STATUS_UNKNOWN', number: 0 }, { name: 'PLACED', number: 1 }] }],
    }],
  });
  const files = createFileRegistry(orders, (name) => {
    if (name === 'acme/common/money.proto') return money;
    if (name === 'google/protobuf/timestamp.proto') return file_google_protobuf_timestamp;
    return undefined;
  });
  return { order: files.getMessage('acme.Order'), registry: createMutableRegistry(files.getMessage('acme.Order')) };
}

test('the Confluent client auto-registers a Protobuf message with an import and reads it back', async () => {
  const client = new confluent.SchemaRegistryClient({ baseURLs: [url] });
  const { order, registry } = confluentTypes({ withTimestamp: true });
  const topic = `orders-${run}`;
  const serializer = new confluent.ProtobufSerializer(client, confluent.SerdeType.VALUE,
    { autoRegisterSchemas: true, registry });
  const deserializer = new confluent.ProtobufDeserializer(client, confluent.SerdeType.VALUE, {});

  const placedAt = new Date('2026-12-03T10:15:30Z');
  const message = create(order, {
    id: 'o-1', total: { currency: 'EUR', units: 42n }, placedAt: timestampFromDate(placedAt), status: 1, lines: ['a', 'b'],
  });
  const bytes = await serializer.serialize(topic, message);
  // magic byte, a 4-byte schema id, then the message index [0] as a single zero byte
  assert.equal(bytes[0], 0);
  assert.equal(bytes[5], 0);

  const read = await deserializer.deserialize(topic, bytes);
  assert.equal(read.id, 'o-1');
  assert.equal(read.total.currency, 'EUR');
  assert.equal(read.total.units, 42n);
  assert.equal(read.placedAt.seconds, BigInt(placedAt.getTime() / 1000));
  assert.equal(read.status, 1);
  assert.deepEqual(read.lines, ['a', 'b']);

  // what the client registered: the imported file under its own subject, referenced by import path;
  // the well-known timestamp.proto needs no reference
  const latest = await rest('GET', `/subjects/${topic}-value/versions/latest`);
  assert.equal(latest.status, 200);
  assert.equal(latest.body.schemaType, 'PROTOBUF');
  assert.deepEqual(latest.body.references,
    [{ name: 'acme/common/money.proto', subject: 'acme/common/money.proto', version: 1 }]);
  assert.match(latest.body.schema, /import "acme\/common\/money.proto";/);
  assert.match(latest.body.schema, /google.protobuf.Timestamp placed_at = 3;/);

  // a second serializer (a restarted producer) finds the same id instead of registering again
  const again = new confluent.ProtobufSerializer(new confluent.SchemaRegistryClient({ baseURLs: [url] }),
    confluent.SerdeType.VALUE, { autoRegisterSchemas: true, registry });
  const bytesAgain = await again.serialize(topic, message);
  assert.equal(bytesAgain.readInt32BE(1), bytes.readInt32BE(1));
  const versions = await rest('GET', `/subjects/${topic}-value/versions`);
  assert.deepEqual(versions.body, [1]);
});

test('kafkajs registers .proto text that imports another subject, and round-trips a message', async () => {
  const registry = new kafkajs.SchemaRegistry({ host: url });
  const moneySubject = `money-${run}`;
  const money = await registry.register({ type: kafkajs.SchemaType.PROTOBUF, schema: MONEY_PROTO },
    { subject: moneySubject });
  const { id } = await registry.register({
    type: kafkajs.SchemaType.PROTOBUF, schema: SHIPMENT_PROTO,
    references: [{ name: 'acme/common/money.proto', subject: moneySubject, version: 1 }],
  }, { subject: `shipments-${run}-value` });
  assert.notEqual(id, money.id);

  const payload = { id: 's-1', cost: { currency: 'USD', units: 7 }, parcels: ['p1', 'p2'] };
  const encoded = await registry.encode(id, payload);
  assert.equal(encoded.readInt32BE(1), id);
  const decoded = await registry.decode(encoded);
  assert.equal(decoded.id, 's-1');
  assert.equal(decoded.cost.currency, 'USD');
  assert.equal(Number(decoded.cost.units), 7);
  assert.deepEqual(decoded.parcels, ['p1', 'p2']);

  // the registry shows who uses the imported subject
  const usedBy = await rest('GET', `/subjects/${moneySubject}/versions/1/referencedby`);
  assert.deepEqual(usedBy.body, [id]);
});

test('kafkajs decodes what the Confluent client wrote', async () => {
  const client = new confluent.SchemaRegistryClient({ baseURLs: [url] });
  const { order, registry } = confluentTypes({ withTimestamp: false });
  const topic = `mixed-${run}`;
  const serializer = new confluent.ProtobufSerializer(client, confluent.SerdeType.VALUE,
    { autoRegisterSchemas: true, registry });
  const bytes = await serializer.serialize(topic,
    create(order, { id: 'o-2', total: { currency: 'GBP', units: 5n }, status: 1 }));

  // kafkajs fetches the schema by id as .proto text (Accord prints the registered descriptor) and
  // resolves its import through the references
  const decoded = await new kafkajs.SchemaRegistry({ host: url }).decode(bytes);
  assert.equal(decoded.id, 'o-2');
  assert.equal(decoded.total.currency, 'GBP');
  assert.equal(Number(decoded.total.units), 5);
  assert.equal(decoded.status, 1);
});

test('the Confluent client reads a message for the schema kafkajs registered', async () => {
  const registry = new kafkajs.SchemaRegistry({ host: url });
  const moneySubject = `money-k-${run}`;
  await registry.register({ type: kafkajs.SchemaType.PROTOBUF, schema: MONEY_PROTO }, { subject: moneySubject });
  const subject = `shipments-k-${run}-value`;
  const { id } = await registry.register({
    type: kafkajs.SchemaType.PROTOBUF, schema: SHIPMENT_PROTO,
    references: [{ name: 'acme/common/money.proto', subject: moneySubject, version: 1 }],
  }, { subject });

  // The Confluent deserializer fetches kafkajs' text registration by id in the serialized form
  // (format=serialized: a base64 FileDescriptorProto), and its import in the same form.
  const client = new confluent.SchemaRegistryClient({ baseURLs: [url] });
  const byId = await rest('GET', `/schemas/ids/${id}?format=serialized`);
  assert.equal(byId.status, 200);
  const file = fromBinary(FileDescriptorProtoSchema, Buffer.from(byId.body.schema, 'base64'));
  assert.equal(file.package, 'acme.shipping');
  assert.deepEqual(file.dependency, ['acme/common/money.proto']);

  // kafkajs writes Protobuf payloads without Confluent's message-index bytes, so the Confluent
  // deserializer cannot read kafkajs' payloads from any registry. Frame kafkajs' payload the way the
  // Confluent wire format does (index [0]) and let the Confluent client decode it with the schema it fetched.
  const kafkajsBytes = await registry.encode(id, { id: 's-9', cost: { currency: 'CHF', units: 3 }, parcels: ['x'] });
  const deserializer = new confluent.ProtobufDeserializer(client, confluent.SerdeType.VALUE, {});
  const topic = subject.replace(/-value$/, '');
  await assert.rejects(deserializer.deserialize(topic, kafkajsBytes), /message indexes are absent or malformed/);
  const framed = Buffer.concat([kafkajsBytes.subarray(0, 5), Buffer.from([0]), kafkajsBytes.subarray(5)]);
  const read = await deserializer.deserialize(topic, framed);
  assert.equal(read.$typeName, 'acme.shipping.Shipment');
  assert.equal(read.id, 's-9');
  assert.equal(read.cost.currency, 'CHF');
  assert.equal(read.cost.units, 3n);
  assert.deepEqual(read.parcels, ['x']);
});
