package dev.accord.maven.registry;

import dev.accord.maven.check.CheckResults;
import dev.accord.maven.check.Finding;
import dev.accord.maven.schema.SchemaSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registers a set of schema files in dependency order (referenced files first, each reference pointing at the
 * version just registered or found), idempotently: a schema the subject already has is not registered again.
 * Everything is checked before anything is written, so an incompatible schema leaves the registry unchanged.
 * A dry run stops after the checks.
 */
public final class Publisher {

    public enum Status { UNCHANGED, REGISTERED, WOULD_REGISTER, INCOMPATIBLE, SKIPPED }

    /** What happened to one file; version and id are null when not known (dry run of a new version). */
    public record Outcome(SchemaSet.Entry entry, Status status, Integer version, Integer id) {
    }

    private final RegistryClient client;

    public Publisher(RegistryClient client) {
        this.client = client;
    }

    /** Checks, then (unless a dry run, or something is incompatible) registers. Problems go to results. */
    public List<Outcome> publish(SchemaSet set, boolean dryRun, CheckResults results) {
        results.baselines().add(RegistryCheck.LABEL);
        Payloads payloads = new Payloads(client);
        List<Outcome> outcomes = new ArrayList<>();
        boolean failed = false;
        for (SchemaSet.Entry entry : set.entries()) {
            if (!entry.valid()) {
                outcomes.add(new Outcome(entry, Status.SKIPPED, null, null));
                failed = true;
                continue;
            }
            Optional<RegistryClient.Registered> existing = payloads.lookup(entry);
            if (existing.isPresent()) {
                outcomes.add(new Outcome(entry, Status.UNCHANGED, existing.get().version(), existing.get().id()));
                results.caseFor(entry).notes().add("already registered as version " + existing.get().version());
                continue;
            }
            RegistryClient.CompatibilityAnswer answer = client.testCompatibility(entry.subject(), payloads.payload(entry));
            if (!answer.compatible()) {
                results.caseFor(entry).findings().addAll(RegistryCheck.findings(entry, answer.messages(),
                        RegistryCheck.LABEL));
                outcomes.add(new Outcome(entry, Status.INCOMPATIBLE, null, null));
                failed = true;
            } else {
                results.caseFor(entry).notes().add(answer.newSubject() ? "new subject" : "compatible");
                outcomes.add(new Outcome(entry, Status.WOULD_REGISTER, null, null));
            }
        }
        if (dryRun || failed) {
            return outcomes;
        }
        List<Outcome> written = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome.status() != Status.WOULD_REGISTER) {
                if (outcome.version() != null) {
                    payloads.registered(outcome.entry(), outcome.version());
                }
                written.add(outcome);
                continue;
            }
            SchemaSet.Entry entry = outcome.entry();
            try {
                RegistryClient.Registered registered = client.register(entry.subject(), payloads.payload(entry));
                payloads.registered(entry, registered.version());
                written.add(new Outcome(entry, Status.REGISTERED, registered.version(), registered.id()));
            } catch (RegistryException e) {
                if (e.status() != 409) {
                    throw e;
                }
                results.caseFor(entry).findings().addAll(RegistryCheck.findings(entry,
                        RegistryMessages.splitDetails(e.getMessage()), RegistryCheck.LABEL));
                written.add(new Outcome(entry, Status.INCOMPATIBLE, null, null));
                // files registered after it may reference it: stop here
                for (Outcome rest : outcomes.subList(outcomes.indexOf(outcome) + 1, outcomes.size())) {
                    written.add(new Outcome(rest.entry(), rest.status() == Status.WOULD_REGISTER ? Status.SKIPPED
                            : rest.status(), rest.version(), rest.id()));
                }
                return written;
            }
        }
        return written;
    }

    /** A finding for a file that could not be registered because it is invalid. */
    public static Finding invalid(SchemaSet.Entry entry) {
        return Finding.error(entry.path(), entry.errorLocation(), Finding.INVALID_SCHEMA, entry.error(), null,
                entry.subject(), null, null);
    }
}
