package dev.gatehouse.cli;

import dev.gatehouse.decision.Explanation;
import dev.gatehouse.model.Permission;
import dev.gatehouse.model.Resource;
import dev.gatehouse.model.Subject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse check USER PERMISSION [RESOURCE]}: exit 0 when allowed, 1 when denied. */
@Command(name = "check", description = {
    "Check whether a user holds a permission on a resource, or globally without one.",
    "Exits with 0 when allowed and 1 when denied.",
    "  gatehouse check alice edit /engineering/specs --explain"})
final class CheckCommand extends DatabaseCommand {
    @Parameters(index = "0", paramLabel = "USER")
    String userName = "";

    @Parameters(index = "1", paramLabel = "PERMISSION")
    String permission = "";

    @Parameters(index = "2", arity = "0..1", paramLabel = "RESOURCE")
    @Nullable String reference;

    @Option(names = "--explain", description = "Say which entry decided, where it sat and why it applied.")
    boolean explain;

    @Override
    int run(Session session, Output output) {
        var user = session.user(userName);
        var asked = Permission.of(permission);
        var resource = Optional.ofNullable(reference).map(session::resource);
        var permissions = session.gatehouse().permissions();
        var subject = Subject.user(user.id());
        var explanation = resource.isPresent()
                ? permissions.explain(subject, asked, resource.get().id())
                : permissions.explain(subject, asked);
        var where = resource.map(Resource::id).map(session::path).orElse("globally");
        var verdict = explanation.allowed() ? "allowed" : "denied";
        var fields = new LinkedHashMap<String, Object>();
        fields.put("allowed", explanation.allowed());
        fields.put("user", user.userName());
        fields.put("permission", asked.name());
        fields.put("resource", resource.map(Resource::id).map(session::path));
        if (output.isJson()) {
            fields.put("explanation", explanationFields(session, explanation));
        }
        var sentence = new StringBuilder(verdict + ": " + user.userName()
                + (explanation.allowed() ? " may " : " may not ") + asked + " " + where);
        if (!user.isActive()) {
            sentence.append(" (").append(user.userName()).append(" is disabled, so checked as anonymous)");
        }
        if (explain) {
            sentence.append(System.lineSeparator()).append("  because ").append(session.describe(explanation));
        }
        output.done(sentence.toString(), fields);
        return explanation.allowed() ? ExitCode.OK : ExitCode.DENIED;
    }

    /** @return the explanation's parts, for JSON */
    static Map<String, Object> explanationFields(Session session, Explanation explanation) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("text", session.describe(explanation));
        fields.put("source", explanation.source().name().toLowerCase(Locale.ROOT));
        fields.put("via", explanation.via().name().toLowerCase(Locale.ROOT));
        fields.put("entry", explanation.ace().map(ace -> AclSyntax.format(session, ace)));
        fields.put("node", explanation.node().map(session::path));
        fields.put("inherited", explanation.inherited());
        fields.put("role", explanation.role());
        return fields;
    }
}
