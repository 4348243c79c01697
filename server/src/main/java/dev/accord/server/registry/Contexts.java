package dev.accord.server.registry;

import dev.accord.server.auth.Caller;
import dev.accord.server.store.ContextStore;
import dev.accord.server.store.EventLog;
import dev.accord.server.store.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/** Listing and deleting schema contexts; a context comes into being with its first registration. */
@ApplicationScoped
public class Contexts {

    @Inject
    ContextStore store;

    @Inject
    EventLog events;

    /** Context names with the prefix, the default context first. */
    @Transactional
    public List<String> list(String prefix, int offset, int limit) {
        return store.names(prefix, offset, limit);
    }

    /** Deletes a context without versions (soft-deleted ones count); 40401 unknown, 42211 not empty. */
    @Transactional
    public void delete(Caller caller, String name) {
        if (!QualifiedSubjects.isContextName(name)) {
            throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, "Context '" + name + "' not found.");
        }
        int number = store.number(name).orElseThrow(() ->
                new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, "Context '" + name + "' not found."));
        if (number != 0) {
            // first, so that registrations holding the row finish before the emptiness check below
            store.delete(number);
        }
        if (store.hasSubjects(number)) {
            throw new RegistryException(ErrorCode.CONTEXT_NOT_EMPTY, "Context '" + name + "' is not empty: delete"
                    + " its subjects permanently first");
        }
        if (number == 0) {
            return; // the default context always exists; "deleting" it when empty changes nothing
        }
        events.append(caller, EventType.CONTEXT_DELETED, null, null, null, Map.of("context", name));
    }
}
