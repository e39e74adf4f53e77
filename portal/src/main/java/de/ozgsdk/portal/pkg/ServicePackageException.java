package de.ozgsdk.portal.pkg;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.util.List;
import java.util.Locale;

/**
 * Thrown when a service package cannot be loaded ({@link PortalError#PACKAGE_INVALID}): it carries every problem the
 * loader found, each with its file and position, so that an author fixes them all in one round.
 */
public final class ServicePackageException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final transient List<PackageProblem> problems;

    ServicePackageException(String source, List<PackageProblem> problems) {
        super(PortalError.PACKAGE_INVALID, source, problems.size(),
                problems.get(0).location() + " [" + problems.get(0).code().code() + "]");
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in the order found (package, descriptor, files, form, service definition). */
    public List<PackageProblem> problems() {
        return problems;
    }

    /** The summary followed by one line per problem ({@code file:line:column (pointer) [code] message}). */
    @Override
    public String userMessage(Locale locale) {
        StringBuilder text = new StringBuilder(super.userMessage(locale));
        for (PackageProblem problem : problems) {
            text.append(System.lineSeparator()).append("  ").append(problem.location()).append(" [")
                    .append(problem.code().code()).append("] ").append(problem.message(locale));
        }
        return text.toString();
    }
}
