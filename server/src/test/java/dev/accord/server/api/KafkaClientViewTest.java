package dev.accord.server.api;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registry as a Kafka Avro serializer and deserializer use it, request for request: the serializer
 * registers (or looks up) the writer schema and frames each message as magic byte 0 + 4-byte id + Avro
 * binary; the deserializer fetches the writer schema by that id and resolves it against its reader schema.
 * (Confluent's client library is not published on Maven Central, so the wire calls are made here directly.)
 */
@QuarkusTest
class KafkaClientViewTest extends ApiTest {

    static final String V1_SCHEMA = "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"com.acme\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"}]}";
    static final String V2_SCHEMA = "{\"type\":\"record\",\"name\":\"Payment\",\"namespace\":\"com.acme\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"double\"},"
            + "{\"name\":\"currency\",\"type\":\"string\",\"default\":\"EUR\"}]}";

    @Test
    void produceEvolveConsumeDeleteAndImport() throws IOException {
        String topic = subject("payments");
        String subject = topic + "-value";

        // producer: auto-register the writer schema, frame a message with the returned id
        int v1Id = register(subject, body(V1_SCHEMA)).statusCode(200).extract().path("id");
        Schema writer = new Schema.Parser().parse(V1_SCHEMA);
        GenericRecord payment = new GenericData.Record(writer);
        payment.put("id", "p-1");
        payment.put("amount", 12.5);
        byte[] message = frame(v1Id, writer, payment);

        // consumer on the new schema: fetch the writer schema by the id in the frame and resolve
        ByteBuffer frame = ByteBuffer.wrap(message);
        assertEquals(0, frame.get());
        int id = frame.getInt();
        String writerText = client().get("/schemas/ids/{id}", id).then().statusCode(200).extract().path("schema");
        GenericRecord read = decode(message, new Schema.Parser().parse(writerText), new Schema.Parser().parse(V2_SCHEMA));
        assertEquals("p-1", read.get("id").toString());
        assertEquals("EUR", read.get("currency").toString());

        // the producer upgrades compatibly; a second producer with the same schema gets the same id
        int v2Id = register(subject, body(V2_SCHEMA)).statusCode(200).body("version", equalTo(2)).extract().path("id");
        assertEquals(v2Id, (int) client().body(body(V2_SCHEMA)).post("/subjects/{s}", subject).then().statusCode(200)
                .extract().path("id"));

        // an incompatible change under BACKWARD is refused with 409
        String renamedType = V2_SCHEMA.replace("\"amount\",\"type\":\"double\"", "\"amount\",\"type\":\"string\"");
        register(subject, body(renamedType)).statusCode(409).body("error_code", equalTo(40901));

        // soft delete keeps old messages readable; hard delete removes the id
        client().delete("/subjects/{s}/versions/2", subject).then().statusCode(200);
        client().get("/schemas/ids/{id}", v2Id).then().statusCode(200);
        client().delete("/subjects/{s}", subject).then().statusCode(200);
        client().queryParam("permanent", "true").delete("/subjects/{s}", subject).then().statusCode(200);
        client().get("/schemas/ids/{id}", v1Id).then().statusCode(404).body("error_code", equalTo(40403));

        // migrate with IMPORT: the same ids as the source registry
        String imported = subject("imported") + "-value";
        client().body("{\"mode\":\"IMPORT\"}").put("/mode/{s}", imported).then().statusCode(200);
        int sourceId = 900_000 + (int) (System.nanoTime() % 50_000);
        register(imported, body(Map.of("schema", V1_SCHEMA, "id", sourceId, "version", 1))).statusCode(200)
                .body("id", equalTo(sourceId));
        client().body("{\"mode\":\"READWRITE\"}").put("/mode/{s}", imported).then().statusCode(200);
        String fetched = client().get("/schemas/ids/{id}", sourceId).then().statusCode(200).extract().path("schema");
        assertEquals(new Schema.Parser().parse(V1_SCHEMA), new Schema.Parser().parse(fetched));
    }

    private static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static GenericRecord decode(byte[] message, Schema writer, Schema reader) throws IOException {
        return new GenericDatumReader<GenericRecord>(writer, reader)
                .read(null, DecoderFactory.get().binaryDecoder(message, 5, message.length - 5, null));
    }
}
