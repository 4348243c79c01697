// The npm clients against an Accord with authentication on (ACCORD_URL), with API keys sent as Basic
// KEY:SECRET, the way basic.auth.user.info works: ACCORD_WRITER (KEY:SECRET, writer on "js-auth.*") and
// ACCORD_READER (KEY:SECRET, reader on "*") are created by the Java test that runs this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const confluent = require('@confluentinc/schemaregistry');
const kafkajs = require('@kafkajs/confluent-schema-registry');

const url = process.env.ACCORD_URL;
const [writerKey, writerSecret] = process.env.ACCORD_WRITER.split(':');
const [readerKey, readerSecret] = process.env.ACCORD_READER.split(':');
const run = Date.now().toString(36);

const ORDER = { type: 'record', name: 'Order', namespace: 'js.auth', fields: [{ name: 'id', type: 'string' }] };

test('the Confluent client registers with a writer key and a reader key deserializes', async () => {
  const writer = new confluent.SchemaRegistryClient({
    baseURLs: [url],
    basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: `${writerKey}:${writerSecret}` },
  });
  const topic = `js-auth.orders-${run}`;
  const serializer = new confluent.AvroSerializer(writer, confluent.SerdeType.VALUE, { useLatestVersion: true });
  // registered as a build would; the producer then serializes with the latest version
  await writer.register(`${topic}-value`, { schemaType: 'AVRO', schema: JSON.stringify(ORDER) });
  const bytes = await serializer.serialize(topic, { id: 'o-1' });

  const reader = new confluent.SchemaRegistryClient({
    baseURLs: [url],
    basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: `${readerKey}:${readerSecret}` },
  });
  const read = await new confluent.AvroDeserializer(reader, confluent.SerdeType.VALUE, {}).deserialize(topic, bytes);
  assert.equal(read.id, 'o-1');

  // the writer key may not write outside its prefix: the client surfaces the 403 and its message
  await assert.rejects(
    writer.register(`elsewhere-${run}-value`, { schemaType: 'AVRO', schema: JSON.stringify(ORDER) }),
    (e) => e.status === 403 && /needs the writer role on subject/.test(e.message),
  );
  // and the reader key may not write at all
  await assert.rejects(
    reader.register(`js-auth.other-${run}-value`, { schemaType: 'AVRO', schema: JSON.stringify(ORDER) }),
    (e) => e.status === 403,
  );
});

test('kafkajs registers and round-trips with a key, and is refused without one', async () => {
  const registry = new kafkajs.SchemaRegistry({ host: url, auth: { username: writerKey, password: writerSecret } });
  const { id } = await registry.register({ type: kafkajs.SchemaType.AVRO, schema: JSON.stringify(ORDER) },
    { subject: `js-auth.kafkajs-${run}-value` });
  const decoded = await registry.decode(await registry.encode(id, { id: 'k-1' }));
  assert.equal(decoded.id, 'k-1');

  const anonymous = new kafkajs.SchemaRegistry({ host: url });
  await assert.rejects(anonymous.getSchema(id), (e) => /401|Unauthorized|Authentication required/i.test(String(e.message ?? e)));
});
