package org.carebridge.platform.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV for people to open in a spreadsheet: a header line, then one line per row, every
 * value passed through {@link SpreadsheetCells#escapeForExport} so nothing taken from users
 * (names, group names, audit details) runs as a formula.
 */
public final class CsvExport implements AutoCloseable {

    private final CSVPrinter printer;

    private CsvExport(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts a file on {@code out} with a UTF-8 byte-order mark (spreadsheets then read it as UTF-8) and the header. */
    public static CsvExport start(Writer out, List<String> header) {
        try {
            out.write('\uFEFF');
            CsvExport export = new CsvExport(new CSVPrinter(out, CSVFormat.DEFAULT));
            export.row(header);
            return export;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(List<String> values) {
        try {
            printer.printRecord(values.stream().map(SpreadsheetCells::escapeForExport).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
