package dev.accord.server.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The mode of one subject, or the global one (subject ""). */
@Entity
@Table(name = "registry_mode")
public class ModeEntity extends PanacheEntityBase {

    @Id
    public String subject;

    public String mode;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
