package org.carebridge.platform.csv;

/**
 * Why one line of an uploaded file could not be used. Line 0 stands for the file as a whole.
 */
public record CsvProblem(int line, String message) {

    public static CsvProblem ofFile(String message) {
        return new CsvProblem(0, message);
    }

    /** "Line 4: ..." or, for the whole file, just the message. */
    public String describe() {
        return line == 0 ? message : "Line " + line + ": " + message;
    }
}
