package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One entry of the append-only event log. Rows are written by {@link EventLog} only, never changed. */
@Entity
@Table(name = "registry_event")
public class EventEntity extends PanacheEntityBase {

    @Id
    public long seq;

    public String type;

    public String subject;

    public Integer version;

    @Column(name = "schema_id")
    public Integer schemaId;

    public String payload;

    public String actor;

    @Column(name = "remote_address")
    public String remoteAddress;

    @Column(name = "created_at")
    public Instant createdAt;
}
