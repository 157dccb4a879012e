import Foundation
import MeshModel

/// Turns a file's bytes into text the readers can trust, and answers position questions the way
/// libyaml and editors count: lines end at LF, CRLF or a lone CR; columns count Unicode scalars.
public enum SourceText {
    public enum Decoded: Sendable {
        case text(String)
        case failed(Diagnostic)
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Decodes UTF-8, dropping a leading byte-order mark (editors do not count it as a column, so
    /// positions stay right). Invalid UTF-8 is an error at the line and column of the first bad byte.
    public static func decode(_ bytes: [UInt8], file: String) -> Decoded {
        if bytes.count > InputLimits.maxFileBytes { return .failed(tooLarge(bytes.count, file: file)) }
        let start = bytes.starts(with: byteOrderMark) ? 3 : 0
        // Fast path: Foundation validates in one pass; only a failure pays for locating the byte.
        if let text = String(bytes: bytes[start...], encoding: .utf8) { return .text(text) }
        return .failed(invalidUTF8(bytes, from: start, file: file))
    }

    static func tooLarge(_ size: Int, file: String) -> Diagnostic {
        .error("input.tooLarge",
               "this file is \(InputLimits.describe(bytes: size)); meshport reads YAML, JSON and Markdown files "
               + "of at most \(InputLimits.describe(bytes: InputLimits.maxFileBytes)), so it is not read",
               at: SourceLocation(file: file))
    }

    static func invalidUTF8(_ bytes: [UInt8], from start: Int, file: String) -> Diagnostic {
        let offset = firstInvalidUTF8(bytes, from: start) ?? start
        let (line, column) = position(ofByte: offset, in: bytes, from: start)
        let byte = String(bytes[min(offset, bytes.count - 1)], radix: 16, uppercase: true)
        var hint = "save it as UTF-8 (was it written as Latin-1 or Windows-1252?)"
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            hint = "it starts with a UTF-16 byte-order mark; save it as UTF-8"
        }
        return .error("input.encoding",
                      "this file is not valid UTF-8: byte 0x\(byte.count == 1 ? "0" + byte : byte) at line \(line), "
                      + "column \(column) cannot be decoded; \(hint)",
                      at: SourceLocation(file: file, line: line, column: column))
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF   // range of the second byte
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0             // no overlong forms
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F             // no surrogates
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F             // nothing above U+10FFFF
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            if !(lower...upper).contains(bytes[i + 1]) { return i }
            for k in 2..<max(2, length) where !(0x80...0xBF).contains(bytes[i + k]) { return i }
            i += length
        }
        return nil
    }

    /// 1-based line and column of a byte offset. Columns count scalars: continuation bytes are skipped.
    static func position(ofByte offset: Int, in bytes: [UInt8], from start: Int = 0) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = start
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A || (b == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b != 0x0D && (b & 0xC0) != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// The byte offset of a 1-based line and column, or nil when the text has no such position.
    static func byteOffset(line: Int, column: Int, in bytes: [UInt8]) -> Int? {
        var currentLine = 1
        var i = 0
        while currentLine < line {
            guard i < bytes.count else { return nil }
            let b = bytes[i]
            i += 1
            if b == 0x0A || (b == 0x0D && (i >= bytes.count || bytes[i] != 0x0A)) { currentLine += 1 }
        }
        var currentColumn = 1
        while currentColumn < column {
            guard i < bytes.count, bytes[i] != 0x0A, bytes[i] != 0x0D else { return nil }
            i += 1
            while i < bytes.count, (bytes[i] & 0xC0) == 0x80 { i += 1 }
            currentColumn += 1
        }
        return i
    }

    /// The Unicode scalar at a 1-based line and column, if there is one.
    static func scalar(atLine line: Int, column: Int, in text: String) -> Unicode.Scalar? {
        let bytes = Array(text.utf8)
        guard let offset = byteOffset(line: line, column: column, in: bytes), offset < bytes.count else { return nil }
        var end = offset + 1
        while end < bytes.count, (bytes[end] & 0xC0) == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first
    }

    /// The text of one line (without its line break), for messages that quote the line.
    static func line(_ number: Int, in bytes: [UInt8]) -> ArraySlice<UInt8>? {
        guard let start = byteOffset(line: number, column: 1, in: bytes) else { return nil }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return bytes[start..<end]
    }
}
