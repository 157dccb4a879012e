/// Estimates text and node sizes without a font engine, so layouts are the same on every machine.
///
/// Character widths are Helvetica's advance widths grouped into a few classes (in ems); that is
/// close enough for box sizes and keeps the estimate independent of installed fonts.
public enum LabelMetrics {
    public static let defaultFontSize: Double = 10
    /// Horizontal and vertical padding around the text, in points (Graphviz's box margins).
    public static let horizontalMargin: Double = 8
    public static let verticalMargin: Double = 4
    /// Graphviz's default minimum node size: 0.75 x 0.5 inches.
    public static let minimumWidth: Double = 54
    public static let minimumHeight: Double = 36

    /// The lines of a label: DOT's `\n`, `\l` and `\r` escapes and real newlines break lines.
    public static func lines(of label: String) -> [Substring] {
        if !label.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") }) { return [label[...]] }
        var lines: [Substring] = []
        var start = label.startIndex
        var index = label.startIndex
        while index < label.endIndex {
            let character = label[index]
            if character == "\n" {
                lines.append(label[start..<index])
                index = label.index(after: index)
                start = index
            } else if character == "\\", label.index(after: index) < label.endIndex,
                      "nlr".contains(label[label.index(after: index)]) {
                lines.append(label[start..<index])
                index = label.index(index, offsetBy: 2)
                start = index
            } else {
                index = label.index(after: index)
            }
        }
        if start < label.endIndex || lines.isEmpty { lines.append(label[start..<label.endIndex]) }
        return lines
    }

    /// The advance width of one line of text, in points.
    public static func textWidth<S: StringProtocol>(_ text: S, fontSize: Double = defaultFontSize) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += width(of: scalar) }
        return ems * fontSize
    }

    /// A box that holds the label with margins, at least Graphviz's default node size.
    public static func nodeSize(for label: String, fontSize: Double = defaultFontSize) -> (width: Double, height: Double) {
        let lines = lines(of: label)
        var widest = 0.0
        for line in lines { widest = max(widest, textWidth(line, fontSize: fontSize)) }
        let lineHeight = fontSize * 1.2
        let width = max(minimumWidth, (widest + 2 * horizontalMargin).rounded(.up))
        let height = max(minimumHeight, (Double(lines.count) * lineHeight + 2 * verticalMargin).rounded(.up))
        return (width, height)
    }

    private static func width(of scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "j", "l", "'", "|", ".", ",", ":", ";", "!": return 0.23
        case " ", "f", "t", "I", "/", "\\", "[", "]", "(", ")", "-", "r": return 0.31
        case "m", "M", "W": return 0.84
        case "w", "%", "@": return 0.75
        case "A"..."Z": return 0.67
        case "_", "#", "$", "0"..."9", "a"..."z": return 0.556
        default:
            // Combining marks take no room; wide (CJK) scripts take a full em.
            if scalar.properties.generalCategory == .nonspacingMark { return 0 }
            return scalar.value >= 0x1100 && scalar.properties.isIdeographic ? 1.0 : 0.6
        }
    }
}
