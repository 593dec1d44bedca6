package org.carebridge.platform.csv;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An uploaded file that cannot be used as it is. Nothing has been created from it; the
 * problems say, per line, what to fix.
 */
public class CsvRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How many problems the summary message lists before saying "and N more". */
    static final int LISTED = 10;

    private final transient List<CsvProblem> problems;

    public CsvRejectedException(List<CsvProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("A rejected file needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public CsvRejectedException(CsvProblem problem) {
        this(List.of(problem));
    }

    public List<CsvProblem> problems() {
        return problems;
    }

    private static String summary(List<CsvProblem> problems) {
        String listed = problems.stream().limit(LISTED).map(CsvProblem::describe).collect(Collectors.joining(" "));
        int more = problems.size() - LISTED;
        return "The file was not used. " + listed + (more > 0 ? " (and " + more + " more problems)" : "");
    }
}
