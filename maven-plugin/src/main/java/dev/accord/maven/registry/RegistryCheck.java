package dev.accord.maven.registry;

import dev.accord.maven.check.CheckResults;
import dev.accord.maven.check.Finding;
import dev.accord.maven.check.SchemaCase;
import dev.accord.core.format.SourceLocation;
import dev.accord.maven.schema.SchemaSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry baseline: asks the registry whether each schema would be accepted
 * ({@code POST /compatibility/subjects/{s}/versions?verbose=true}), so that the subject's configured level,
 * policy, transitivity and deleted versions count exactly as they will at registration. A subject without
 * versions is compatible.
 */
public final class RegistryCheck {

    public static final String LABEL = "registry";

    private final RegistryClient client;

    public RegistryCheck(RegistryClient client) {
        this.client = client;
    }

    /** @throws RegistryException.Unreachable when the registry cannot be reached */
    public void check(SchemaSet current, CheckResults results) {
        results.baselines().add(LABEL);
        Payloads payloads = new Payloads(client);
        for (SchemaSet.Entry entry : current.entries()) {
            if (!entry.valid()) {
                continue;
            }
            SchemaCase schemaCase = results.caseFor(entry);
            RegistryClient.CompatibilityAnswer answer;
            try {
                answer = client.testCompatibility(entry.subject(), payloads.payload(entry));
            } catch (RegistryException.Unreachable e) {
                throw e;
            } catch (RegistryException e) {
                schemaCase.findings().add(Finding.error(entry.path(), SourceLocation.START, "REGISTRY_ERROR", e.getMessage(),
                        null, entry.subject(), LABEL + " " + client.url(), null));
                continue;
            }
            if (answer.latestOnly()) {
                schemaCase.findings().add(Finding.warning(entry.path(), SourceLocation.START, "LATEST_ONLY",
                        "The registry at " + client.url() + " has no POST /compatibility/subjects/{subject}/versions"
                                + " endpoint, so only the latest version was checked, whatever the subject's level",
                        entry.subject(), LABEL));
            }
            if (answer.newSubject()) {
                schemaCase.notes().add("new subject: no versions in the registry");
            } else if (answer.compatible()) {
                schemaCase.notes().add("compatible with the registry's versions of " + entry.subject());
            } else {
                schemaCase.findings().addAll(findings(entry, answer.messages(), LABEL));
            }
        }
    }

    /** The findings of a verbose answer (or of a 409's details), located in the entry's file. */
    public static List<Finding> findings(SchemaSet.Entry entry, List<String> messages, String label) {
        RegistryMessages.Parsed parsed = RegistryMessages.parse(messages);
        List<Finding> findings = new ArrayList<>();
        String baseline = label + (parsed.level() == null ? "" : " " + parsed.level());
        for (RegistryMessages.Issue issue : parsed.issues()) {
            SourceLocation location = issue.path() == null ? SourceLocation.START : entry.locator().locate(issue.path());
            findings.add(Finding.error(entry.path(), location, issue.ruleId(), issue.description(),
                    Finding.catalogueHint(entry.type(), issue.ruleId(), issue.additionalInfo()), entry.subject(), baseline, issue.oldVersion()));
        }
        if (findings.isEmpty()) {
            findings.add(Finding.error(entry.path(), SourceLocation.START, "INCOMPATIBLE",
                    "The registry found the schema incompatible and gave no reason", null, entry.subject(),
                    baseline, null));
        }
        return findings;
    }
}
