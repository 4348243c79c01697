package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Compatibility configuration of one subject, or the global one (subject ""), as JSON. */
@Entity
@Table(name = "registry_config")
public class ConfigEntity extends PanacheEntityBase {

    @Id
    public String subject;

    public String config;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
