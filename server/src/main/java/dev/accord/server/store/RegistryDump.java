package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/**
 * The registry's tables row by row, for export and import: reads go through a server-side cursor so that a registry
 * of any size streams in constant memory, writes are batched. Every method runs in the caller's transaction, which
 * is what makes an export one snapshot and an import all or nothing.
 */
@ApplicationScoped
public class RegistryDump {

    private static final int FETCH_SIZE = 500;
    private static final int BATCH_SIZE = 500;

    /** A row visitor that may fail with SQL errors. */
    @FunctionalInterface
    public interface RowVisitor<T> {
        void visit(T row) throws SQLException;
    }

    /** A schema content row; {@code key} as in {@link SchemaKeys}. */
    public record SchemaRow(long key, String schemaType, String schemaText, String referencesJson, String metadataJson,
                            String ruleSetJson, String fingerprint, String contentFingerprint, String guid,
                            Instant createdAt) {
    }

    public record VersionRow(String subject, int version, long schemaKey, boolean deleted, Instant createdAt) {
    }

    public record SettingRow(String subject, String value, Instant updatedAt) {
    }

    public record EventRow(long seq, String type, String subject, Integer version, Integer schemaId, String payload,
                           String actor, String remoteAddress, Instant createdAt) {
    }

    /** A KEK of the DEK registry; {@code kmsProps} is a JSON object text or null. */
    public record KekRow(String name, String kmsType, String kmsKeyId, String kmsProps, String doc, boolean shared,
                         boolean deleted, Instant updatedAt) {
    }

    /** A DEK version, as the client encrypted it. */
    public record DekRow(String kekName, String subject, String algorithm, int version, String encryptedKeyMaterial,
                         boolean deleted, Instant updatedAt) {
    }

    public record Counts(long schemas, long versions, long configs, long modes, long events, long newestEvent,
                         long keks, long deks) {
    }

    private static Connection connection() {
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(c -> c);
    }

    /** Makes the current transaction one read-only snapshot; must come before its first query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void snapshot() throws SQLException {
        try (Statement statement = connection().createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Counts counts() throws SQLException {
        try (Statement statement = connection().createStatement();
             ResultSet row = statement.executeQuery("select (select count(*) from schema_content),"
                     + " (select count(*) from subject_version), (select count(*) from registry_config),"
                     + " (select count(*) from registry_mode), (select count(*) from registry_event),"
                     + " (select last from registry_event_counter where id = 1),"
                     + " (select count(*) from encryption_kek), (select count(*) from encryption_dek)")) {
            row.next();
            return new Counts(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                    row.getLong(6), row.getLong(7), row.getLong(8));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void schemas(RowVisitor<SchemaRow> visitor) throws SQLException {
        scan("select id, schema_type, schema_text, references_json, metadata_json, ruleset_json, fingerprint,"
                + " content_fingerprint, guid::text, created_at from schema_content order by id", row ->
                visitor.visit(new SchemaRow(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        instant(row, 10))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void versions(RowVisitor<VersionRow> visitor) throws SQLException {
        scan("select subject, version, schema_id, deleted, created_at from subject_version order by subject, version",
                row -> visitor.visit(new VersionRow(row.getString(1), row.getInt(2), row.getLong(3), row.getBoolean(4),
                        instant(row, 5))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void configs(RowVisitor<SettingRow> visitor) throws SQLException {
        scan("select subject, config, updated_at from registry_config order by subject",
                row -> visitor.visit(new SettingRow(row.getString(1), row.getString(2), instant(row, 3))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void modes(RowVisitor<SettingRow> visitor) throws SQLException {
        scan("select subject, mode, updated_at from registry_mode order by subject",
                row -> visitor.visit(new SettingRow(row.getString(1), row.getString(2), instant(row, 3))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keks(RowVisitor<KekRow> visitor) throws SQLException {
        scan("select name, kms_type, kms_key_id, kms_props, doc, shared, deleted, updated_at from encryption_kek"
                + " order by name", row -> visitor.visit(new KekRow(row.getString(1), row.getString(2),
                row.getString(3), row.getString(4), row.getString(5), row.getBoolean(6), row.getBoolean(7),
                instant(row, 8))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deks(RowVisitor<DekRow> visitor) throws SQLException {
        scan("select kek_name, subject, algorithm, version, encrypted_key_material, deleted, updated_at"
                + " from encryption_dek order by kek_name, subject, algorithm, version", row -> visitor.visit(
                new DekRow(row.getString(1), row.getString(2), row.getString(3), row.getInt(4), row.getString(5),
                        row.getBoolean(6), instant(row, 7))));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void events(RowVisitor<EventRow> visitor) throws SQLException {
        scan("select seq, type, subject, version, schema_id, payload, actor, remote_address, created_at"
                + " from registry_event order by seq", row -> visitor.visit(new EventRow(row.getLong(1),
                row.getString(2), row.getString(3), (Integer) row.getObject(4), (Integer) row.getObject(5),
                row.getString(6), row.getString(7), row.getString(8), instant(row, 9))));
    }

    /** The references of one stored schema, by subject and version, read in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SchemaRow schemaAt(String subject, int version) throws SQLException {
        try (PreparedStatement query = connection().prepareStatement("select c.id, c.schema_type, c.schema_text,"
                + " c.references_json, c.metadata_json, c.ruleset_json, c.fingerprint, c.content_fingerprint,"
                + " c.guid::text, c.created_at from subject_version v join schema_content c on c.id = v.schema_id"
                + " where v.subject = ? and v.version = ?")) {
            query.setString(1, subject);
            query.setInt(2, version);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new SchemaRow(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        instant(row, 10));
            }
        }
    }

    private static void scan(String sql, RowVisitor<ResultSet> visitor) throws SQLException {
        try (PreparedStatement query = connection().prepareStatement(sql)) {
            query.setFetchSize(FETCH_SIZE); // a cursor: the driver holds one batch of rows, not the table
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    visitor.visit(rows);
                }
            }
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Batched inserts into the registry's tables, in the caller's transaction; {@link #flush()} before reading. */
    public Loader loader() {
        return new Loader(connection());
    }

    /** Takes the registry's tables for an import: no registration, delete or setting change runs alongside. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForImport() throws SQLException {
        try (Statement statement = connection().createStatement()) {
            statement.execute("lock table schema_content, schema_reference, subject_version, registry_config,"
                    + " registry_mode, encryption_kek, encryption_dek in exclusive mode");
        }
    }

    /** Sets the fingerprints of an imported schema that came without them (its guid follows). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setFingerprints(long key, String fingerprint, String contentFingerprint) throws SQLException {
        try (PreparedStatement update = connection().prepareStatement(
                "update schema_content set fingerprint = ?, content_fingerprint = ? where id = ?")) {
            update.setString(1, fingerprint);
            update.setString(2, contentFingerprint);
            update.setLong(3, key);
            update.executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public String setting(String table, String subject) throws SQLException {
        String column = table.equals("registry_config") ? "config" : "mode";
        try (PreparedStatement query = connection().prepareStatement(
                "select " + column + " from " + table + " where subject = ?")) {
            query.setString(1, subject);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    public static final class Loader implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement schema;
        private final PreparedStatement reference;
        private final PreparedStatement version;
        private final PreparedStatement event;
        private final PreparedStatement kek;
        private final PreparedStatement dek;
        private int pending;

        Loader(Connection connection) {
            this.connection = connection;
            try {
                schema = connection.prepareStatement("insert into schema_content (id, fingerprint, content_fingerprint,"
                        + " schema_type, schema_text, references_json, metadata_json, ruleset_json, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, now()))");
                reference = connection.prepareStatement("insert into schema_reference (schema_id, ordinal, name,"
                        + " ref_subject, ref_version) values (?, ?, ?, ?, ?)");
                version = connection.prepareStatement("insert into subject_version (subject, version, schema_id,"
                        + " deleted, created_at) values (?, ?, ?, ?, coalesce(?, now()))");
                event = connection.prepareStatement("insert into registry_event (seq, type, subject, version,"
                        + " schema_id, payload, actor, remote_address, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, now()))");
                kek = connection.prepareStatement("insert into encryption_kek (name, kms_type, kms_key_id, kms_props,"
                        + " doc, shared, deleted, updated_at) values (?, ?, ?, ?, ?, ?, ?, coalesce(?, now()))");
                dek = connection.prepareStatement("insert into encryption_dek (kek_name, subject, algorithm, version,"
                        + " encrypted_key_material, deleted, updated_at) values (?, ?, ?, ?, ?, ?, coalesce(?, now()))");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        public void schema(SchemaRow row) throws SQLException {
            schema.setLong(1, row.key());
            schema.setString(2, row.fingerprint());
            schema.setString(3, row.contentFingerprint());
            schema.setString(4, row.schemaType());
            schema.setString(5, row.schemaText());
            schema.setString(6, row.referencesJson());
            schema.setString(7, row.metadataJson());
            schema.setString(8, row.ruleSetJson());
            schema.setTimestamp(9, timestamp(row.createdAt()));
            schema.addBatch();
            counted();
        }

        public void reference(long schemaKey, int ordinal, String name, String subject, int refVersion)
                throws SQLException {
            reference.setLong(1, schemaKey);
            reference.setInt(2, ordinal);
            reference.setString(3, name);
            reference.setString(4, subject);
            reference.setInt(5, refVersion);
            reference.addBatch();
            counted();
        }

        public void version(VersionRow row) throws SQLException {
            version.setString(1, row.subject());
            version.setInt(2, row.version());
            version.setLong(3, row.schemaKey());
            version.setBoolean(4, row.deleted());
            version.setTimestamp(5, timestamp(row.createdAt()));
            version.addBatch();
            counted();
        }

        public void event(EventRow row) throws SQLException {
            event.setLong(1, row.seq());
            event.setString(2, row.type());
            event.setString(3, row.subject());
            event.setObject(4, row.version(), Types.INTEGER);
            event.setObject(5, row.schemaId(), Types.INTEGER);
            event.setString(6, row.payload());
            event.setString(7, row.actor());
            event.setString(8, row.remoteAddress());
            event.setTimestamp(9, timestamp(row.createdAt()));
            event.addBatch();
            counted();
        }

        public void kek(KekRow row) throws SQLException {
            kek.setString(1, row.name());
            kek.setString(2, row.kmsType());
            kek.setString(3, row.kmsKeyId());
            kek.setString(4, row.kmsProps());
            kek.setString(5, row.doc());
            kek.setBoolean(6, row.shared());
            kek.setBoolean(7, row.deleted());
            kek.setTimestamp(8, timestamp(row.updatedAt()));
            kek.addBatch();
            counted();
        }

        public void dek(DekRow row) throws SQLException {
            dek.setString(1, row.kekName());
            dek.setString(2, row.subject());
            dek.setString(3, row.algorithm());
            dek.setInt(4, row.version());
            dek.setString(5, row.encryptedKeyMaterial());
            dek.setBoolean(6, row.deleted());
            dek.setTimestamp(7, timestamp(row.updatedAt()));
            dek.addBatch();
            counted();
        }

        /** Sets a config or mode row (subject "" is the global one). */
        public void setting(String table, String subject, String value) throws SQLException {
            flush();
            String column = table.equals("registry_config") ? "config" : "mode";
            try (PreparedStatement upsert = connection.prepareStatement("insert into " + table + " (subject, "
                    + column + ", updated_at) values (?, ?, now()) on conflict (subject) do update set " + column
                    + " = excluded." + column + ", updated_at = now()")) {
                upsert.setString(1, subject);
                upsert.setString(2, value);
                upsert.executeUpdate();
            }
        }

        private void counted() throws SQLException {
            if (++pending >= BATCH_SIZE) {
                flush();
            }
        }

        /** Sends the queued rows; the order of the tables keeps foreign keys satisfied. */
        public void flush() throws SQLException {
            if (pending == 0) {
                return;
            }
            schema.executeBatch();
            reference.executeBatch();
            version.executeBatch();
            kek.executeBatch();
            dek.executeBatch();
            event.executeBatch();
            pending = 0;
        }

        /** Moves the id sequence past every imported id and the event counter past every imported event. */
        public void advanceSequences() throws SQLException {
            flush();
            try (Statement statement = connection.createStatement()) {
                statement.execute("select setval('schema_id_seq', m) from (select max(id) as m from schema_content"
                        + " where id <= " + SchemaKeys.last(SchemaKeys.DEFAULT_CONTEXT) + ") x"
                        + " where m is not null and m >= (select last_value from schema_id_seq)");
                statement.execute("update registry_context x set next_id = greatest(next_id, (select coalesce(max(id)"
                        + " - (x.number::bigint << 32), 0) + 1 from schema_content c where c.id between"
                        + " (x.number::bigint << 32) and (x.number::bigint << 32) + 2147483647)) where number > 0");
                statement.execute("update registry_event_counter set last = greatest(last,"
                        + " coalesce((select max(seq) from registry_event), 0)) where id = 1");
                // the planner's statistics still describe the empty tables: refresh them before the first list
                statement.execute("analyze schema_content, schema_reference, subject_version, subject_summary, registry_context");
            }
        }

        private static Timestamp timestamp(Instant instant) {
            return instant == null ? null : Timestamp.from(instant);
        }

        @Override
        public void close() throws SQLException {
            schema.close();
            reference.close();
            version.close();
            kek.close();
            dek.close();
            event.close();
        }
    }
}
