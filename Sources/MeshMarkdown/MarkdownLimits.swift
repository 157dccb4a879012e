import MeshModel

/// Limits on GFM tables, checked on the text before libcmark-gfm sees it. The table extension pads
/// every short row to the width of the header, and its time grows with the cells of a row, so a
/// few kilobytes of `|` can make millions of cells and take minutes (a 8 KB table of 1,000 columns
/// by 1,000 rows is a million cells). Real docs have tables of a few columns and a few hundred rows.
public enum MarkdownLimits {
    /// Most columns of a table, and most `|` in one of its rows.
    public static let maxTableColumns = 200
    /// Most cells (rows times columns) of one table.
    public static let maxTableCells = 100_000

    /// The first table that goes past a limit, as an error at its line; nil when every table is fine.
    /// Conservative: a table runs from a delimiter row (`|---|:--:|`) to the next blank line.
    public static func check(_ text: String, file: String) -> Diagnostic? {
        var text = text
        return text.withUTF8 { check(utf8: $0, file: file) }
    }

    /// Over the bytes: a doc is read line by line, and most lines are no table at all. Lines end at
    /// `\n`, `\r\n` or `\r`, as in CommonMark.
    private static func check(utf8 bytes: UnsafeBufferPointer<UInt8>, file: String) -> Diagnostic? {
        var columns = 0, rows = 0, start = 0
        var previousBlank = true
        var line = 0
        var rowStart = 0
        while rowStart <= bytes.count {
            var end = rowStart
            var pipes = 0, dashes = false, blank = true
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
                switch bytes[end] {
                case UInt8(ascii: "|"): pipes += 1; blank = false
                case UInt8(ascii: "-"): dashes = true; blank = false
                case UInt8(ascii: " "), UInt8(ascii: "\t"): break
                default: blank = false
                }
                end += 1
            }
            line += 1
            if blank { columns = 0 }
            if columns == 0, !previousBlank, pipes > 0, dashes,
               let cells = delimiterCells(String(decoding: UnsafeBufferPointer(rebasing: bytes[rowStart..<end]), as: UTF8.self)[...]) {
                columns = cells
                rows = 1
                start = line - 1
            } else if columns > 0 {
                rows += 1
            }
            previousBlank = blank
            if columns > 0 {
                if max(columns, pipes - 1) > maxTableColumns {
                    return .error("markdown.table.tooWide",
                        "this table has a row of \(max(columns, pipes - 1)) cells; meshport renders tables of at most "
                        + "\(maxTableColumns) columns, so this doc is not read", at: SourceLocation(file: file, line: line, column: 1))
                }
                if rows * columns > maxTableCells {
                    return .error("markdown.table.tooLarge",
                        "this table has more than \(maxTableCells) cells (\(columns) columns, \(rows) rows so far); meshport renders "
                        + "tables of at most \(maxTableCells) cells, so this doc is not read", at: SourceLocation(file: file, line: start, column: 1))
                }
            }
            if end < bytes.count, bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A { end += 1 }
            rowStart = end + 1
        }
        return nil
    }

    /// The number of cells of a GFM delimiter row (`| --- | :-: |`, `---|---`), or nil if it is not one.
    static func delimiterCells(_ row: Substring) -> Int? {
        let trimmed = row.drop { $0 == " " }
        // Without a `|` it is a heading underline or a rule, not a table.
        guard row.count - trimmed.count <= 3, trimmed.contains("-"), trimmed.contains("|"),
              trimmed.allSatisfy({ "|-: \t".contains($0) }) else { return nil }
        var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false)
        if cells.first?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { cells.removeFirst() }
        if cells.last?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { cells.removeLast() }
        guard !cells.isEmpty, cells.allSatisfy({ $0.contains("-") }) else { return nil }
        return cells.count
    }
}
