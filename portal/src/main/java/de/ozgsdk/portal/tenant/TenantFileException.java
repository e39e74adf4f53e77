package de.ozgsdk.portal.tenant;

import de.ozgsdk.core.InvalidInputException;
import de.ozgsdk.portal.PortalError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown ({@code OZG-PORTAL-501}) when tenant files or a stored tenant configuration have problems: it lists every
 * problem found, not only the first, so that an administrator fixes them in one go.
 */
public final class TenantFileException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final List<TenantFileProblem> problems;

    /** An exception listing {@code problems} (at least one). */
    public TenantFileException(List<TenantFileProblem> problems) {
        super(PortalError.TENANT_FILE_INVALID, problems.size(),
                problems.stream().map(TenantFileProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in file and document order. */
    public List<TenantFileProblem> problems() {
        return problems;
    }
}
