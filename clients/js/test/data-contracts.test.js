// Confluent's JavaScript client runs the data contracts Accord stores (ACCORD_URL): a CEL condition refuses a
// message that breaks it, a breaking change under a new major_version with compatibilityGroup is read through an
// UPGRADE JSONata migration, a default rule set from the subject's config is enforced, and field-level encryption
// works with the client's local KMS while Accord holds the (encrypted) DEK.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const sr = require('@confluentinc/schemaregistry');

sr.CelExecutor.register();
sr.JsonataExecutor.register();
sr.FieldEncryptionExecutor.register();
sr.LocalKmsDriver.register();

const url = process.env.ACCORD_URL ?? 'http://localhost:8080';
const run = Date.now().toString(36);

function client() {
  return sr.SchemaRegistryClient.newClient({ baseURLs: [url], cacheCapacity: 1000 });
}

async function rest(method, path, body) {
  const response = await fetch(url + path, {
    method,
    headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

const ORDER_V1 = JSON.stringify({
  type: 'record', name: 'Order', namespace: 'acme',
  fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'int' }],
});

test('a CEL condition stored on the subject makes the client refuse a message that breaks it', async () => {
  const topic = `cel-${run}`;
  const registry = client();
  await registry.register(`${topic}-value`, {
    schemaType: 'AVRO', schema: ORDER_V1,
    ruleSet: { domainRules: [{ name: 'positiveAmount', kind: 'CONDITION', mode: 'WRITE', type: 'CEL',
      expr: 'message.amount > 0' }] },
  });
  const serializer = new sr.AvroSerializer(registry, sr.SerdeType.VALUE, { useLatestVersion: true });
  const bytes = await serializer.serialize(topic, { id: 'o-1', amount: 5 });
  const read = await new sr.AvroDeserializer(registry, sr.SerdeType.VALUE, {}).deserialize(topic, bytes);
  assert.equal(read.amount, 5);
  await assert.rejects(serializer.serialize(topic, { id: 'o-2', amount: -3 }),
    (err) => err instanceof sr.SerializationError && /positiveAmount/.test(err.message));
});

test('a breaking change under a new major_version is read by a new consumer through an UPGRADE migration', async () => {
  const topic = `migrate-${run}`;
  const subject = `${topic}-value`;
  assert.equal((await rest('PUT', `/config/${subject}`, { compatibility: 'BACKWARD', compatibilityGroup: 'major_version' })).status, 200);
  const registry = client();
  await registry.register(subject, { schemaType: 'AVRO', schema: ORDER_V1,
    metadata: { properties: { major_version: '1' } } });
  const v2 = JSON.stringify({
    type: 'record', name: 'Order', namespace: 'acme',
    fields: [{ name: 'id', type: 'string' }, { name: 'total', type: 'int' }],
  });
  // without a new group the rename is refused as incompatible
  const refused = await rest('POST', `/subjects/${subject}/versions`, { schema: v2,
    metadata: { properties: { major_version: '1' } } });
  assert.equal(refused.status, 409);
  await registry.register(subject, { schemaType: 'AVRO', schema: v2,
    metadata: { properties: { major_version: '2' } },
    ruleSet: { migrationRules: [{ name: 'amountToTotal', kind: 'TRANSFORM', type: 'JSONATA', mode: 'UPGRADE',
      expr: "$merge([$sift($, function($v, $k) {$k != 'amount'}), {'total': $.'amount'}])" }] } });

  const oldProducer = new sr.AvroSerializer(registry, sr.SerdeType.VALUE,
    { useLatestWithMetadata: { major_version: '1' } });
  const bytes = await oldProducer.serialize(topic, { id: 'o-7', amount: 42 });
  const newConsumer = new sr.AvroDeserializer(client(), sr.SerdeType.VALUE,
    { useLatestWithMetadata: { major_version: '2' } });
  const read = await newConsumer.deserialize(topic, bytes);
  assert.deepEqual({ ...read }, { id: 'o-7', total: 42 });
});

test('a default rule set in the subject config is enforced on a version registered without one', async () => {
  const topic = `default-${run}`;
  const subject = `${topic}-value`;
  assert.equal((await rest('PUT', `/config/${subject}`, { defaultRuleSet: { domainRules: [{ name: 'idRequired',
    kind: 'CONDITION', mode: 'WRITE', type: 'CEL', expr: "message.id != ''" }] } })).status, 200);
  const registry = client();
  await registry.register(subject, { schemaType: 'AVRO', schema: ORDER_V1 });
  const stored = await rest('GET', `/subjects/${subject}/versions/latest`);
  assert.equal(stored.body.ruleSet.domainRules[0].name, 'idRequired');
  const serializer = new sr.AvroSerializer(registry, sr.SerdeType.VALUE, { useLatestVersion: true });
  await serializer.serialize(topic, { id: 'o-1', amount: 1 });
  await assert.rejects(serializer.serialize(topic, { id: '', amount: 1 }), sr.SerializationError);
});

test('a field encrypted with the local KMS is decrypted by a second client through Accord\'s DEK registry', async () => {
  const topic = `pii-${run}`;
  const subject = `${topic}-value`;
  const kekName = `kek-${run}`;
  const schema = JSON.stringify({
    type: 'record', name: 'Customer', namespace: 'acme',
    fields: [{ name: 'id', type: 'string' }, { name: 'email', type: 'string', 'confluent:tags': ['PII'] }],
  });
  const producerRegistry = client();
  await producerRegistry.register(subject, { schemaType: 'AVRO', schema, ruleSet: { domainRules: [{
    name: 'encryptPii', kind: 'TRANSFORM', mode: 'WRITEREAD', type: 'ENCRYPT', tags: ['PII'],
    params: { 'encrypt.kek.name': kekName, 'encrypt.kms.type': 'local-kms', 'encrypt.kms.key.id': 'orders-key' },
    onFailure: 'ERROR,NONE' }] } });
  const ruleConfig = { secret: 'a-local-kms-secret' };
  const serializer = new sr.AvroSerializer(producerRegistry, sr.SerdeType.VALUE, { useLatestVersion: true, ruleConfig });
  const bytes = await serializer.serialize(topic, { id: 'c-1', email: 'ada@example.com' });
  assert.ok(!bytes.toString('latin1').includes('ada@example.com'), 'the e-mail is not in clear on the wire');

  // Accord holds the KEK's name and the DEK only as the client encrypted it
  const kek = await rest('GET', `/dek-registry/v1/keks/${kekName}`);
  assert.equal(kek.status, 200);
  assert.equal(kek.body.kmsType, 'local-kms');
  assert.equal(kek.body.shared, false);
  const dek = await rest('GET', `/dek-registry/v1/keks/${kekName}/deks/${subject}/versions/1?algorithm=AES256_GCM`);
  assert.equal(dek.status, 200);
  assert.ok(dek.body.encryptedKeyMaterial.length > 0);
  assert.equal(dek.body.keyMaterial, undefined);

  // a second client: its own registry client and its own encryption executor, so nothing cached is shared
  const rules = new sr.RuleRegistry();
  rules.registerExecutor(new sr.FieldEncryptionExecutor());
  const consumer = new sr.AvroDeserializer(client(), sr.SerdeType.VALUE, { ruleConfig }, rules);
  const read = await consumer.deserialize(topic, bytes);
  assert.equal(read.email, 'ada@example.com');

  // without the KMS secret the field stays encrypted
  sr.clearKmsClients();
  const blind = new sr.RuleRegistry();
  blind.registerExecutor(new sr.FieldEncryptionExecutor());
  const unread = await new sr.AvroDeserializer(client(), sr.SerdeType.VALUE, {}, blind).deserialize(topic, bytes);
  assert.notEqual(unread.email, 'ada@example.com');
});
