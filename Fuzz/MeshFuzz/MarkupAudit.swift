/// The fuzz targets' oracle for script injection: reads rendered HTML the way a browser tokenises
/// it and reports any element, attribute or URL that could run script. Since every piece of input
/// text is escaped, markup in the output is the theme's or cmark's own; anything else is a finding.
public enum MarkupAudit {
    /// Every element the default theme, the lineage SVG and cmark-gfm (safe mode) write.
    static let allowedElements: Set<String> = [
        "html", "head", "body", "meta", "title", "link", "script", "header", "nav", "main", "footer", "section",
        "article", "aside", "div", "span", "p", "a", "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
        "h6", "strong", "em", "code", "pre", "kbd", "br", "hr", "blockquote", "del", "img", "table", "caption",
        "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "details", "summary", "form", "fieldset",
        "legend", "label", "input", "select", "option", "noscript", "svg", "g", "rect", "path", "text", "defs",
        "marker",
    ]
    /// Attributes that hold a URL a browser may follow or load.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite"]
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    public static func problems(in html: String, file: String) -> [String] {
        var problems: [String] = []
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count else { i += 1; continue }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                i = skip(past: "-->", in: bytes, from: i + 2) ?? skip(past: ">", in: bytes, from: i + 2) ?? bytes.count
                continue
            }
            guard isLetter(next) || next == UInt8(ascii: "/") else { i += 1; continue }
            let tag = readTag(bytes, from: i)
            i = tag.end
            guard !tag.closing else { continue }
            problems += audit(tag, file: file)
            if tag.name == "script" {
                // Script content is raw text up to `</script`; the theme's scripts have none.
                let close = find(Array("</script".utf8), in: bytes, from: i) ?? bytes.count
                if bytes[i..<close].contains(where: { !isSpace($0) }) { problems.append("\(file): inline script content") }
                i = close
            }
        }
        return problems
    }

    struct Tag {
        var name = ""
        var closing = false
        var attributes: [(name: String, value: String)] = []
        var end = 0
    }

    static func audit(_ tag: Tag, file: String) -> [String] {
        var problems: [String] = []
        if !allowedElements.contains(tag.name) { problems.append("\(file): element <\(tag.name)>") }
        for (name, value) in tag.attributes {
            if name.hasPrefix("on") || ["style", "srcdoc", "formaction"].contains(name) {
                problems.append("\(file): attribute \(name) on <\(tag.name)>")
            }
            if name == "http-equiv", value.lowercased() != "content-security-policy" {
                problems.append("\(file): <meta http-equiv=\"\(value)\">")
            }
            if urlAttributes.contains(name), let scheme = scheme(of: decodeEntities(value) ?? "javascript:") {
                let imageData = tag.name == "img" && name == "src" && decodeEntities(value)!.lowercased().hasPrefix("data:image/")
                if !allowedSchemes.contains(scheme), !imageData {
                    problems.append("\(file): \(name)=\"\(value)\" on <\(tag.name)>")
                }
            }
        }
        if tag.name == "script" {
            let src = tag.attributes.first { $0.name == "src" }?.value ?? ""
            if !(src.hasSuffix("assets/search-key.js") || src.hasSuffix("assets/search.js") || src.hasSuffix("assets/search-ui.js")) {
                problems.append("\(file): <script src=\"\(src)\">")
            }
        }
        return problems
    }

    /// The scheme a browser sees: it drops leading control characters and spaces, and tabs and line
    /// breaks anywhere, before it reads the scheme.
    static func scheme(of url: String) -> String? {
        let cleaned = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 }))
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let scheme = cleaned[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter,
              scheme.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || "+.-".unicodeScalars.contains($0) })
        else { return nil }
        return scheme.lowercased()
    }

    static let namedReferences = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]

    /// Decodes the character references the writers use; nil for any other named reference, since
    /// neither the templates nor cmark write one, so it can only come from input that slipped through.
    static func decodeEntities(_ value: String) -> String? {
        guard value.contains("&") else { return value }
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[rest.index(after: amp)...]
            guard let semi = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semi) <= 10 else { return nil }
            let name = rest[..<semi]
            rest = rest[rest.index(after: semi)...]
            if let named = namedReferences[String(name)] {
                out += named
            } else {
                guard name.hasPrefix("#") else { return nil }
                let digits = name.dropFirst()
                let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                guard let code, let scalar = Unicode.Scalar(code) else { return nil }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + rest
    }

    static func readTag(_ bytes: [UInt8], from start: Int) -> Tag {
        var tag = Tag()
        var i = start + 1
        if bytes[i] == UInt8(ascii: "/") { tag.closing = true; i += 1 }
        let nameStart = i
        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">"), bytes[i] != UInt8(ascii: "/") { i += 1 }
        tag.name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
        while i < bytes.count {
            while i < bytes.count, isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
            guard i < bytes.count, bytes[i] != UInt8(ascii: ">") else { break }
            let attrStart = i
            while i < bytes.count, !isSpace(bytes[i]), !"=>/".utf8.contains(bytes[i]) || i == attrStart { i += 1 }
            let name = String(decoding: bytes[attrStart..<i], as: UTF8.self).lowercased()
            while i < bytes.count, isSpace(bytes[i]) { i += 1 }
            var value = ""
            if i < bytes.count, bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < bytes.count, isSpace(bytes[i]) { i += 1 }
                if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    let valueStart = i + 1
                    i = valueStart
                    while i < bytes.count, bytes[i] != quote { i += 1 }
                    value = String(decoding: bytes[valueStart..<min(i, bytes.count)], as: UTF8.self)
                    i += 1
                } else {
                    let valueStart = i
                    while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: ">") { i += 1 }
                    value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                }
            }
            tag.attributes.append((name, value))
        }
        tag.end = min(i + 1, bytes.count)
        return tag
    }

    static func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D }

    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard pattern.count <= bytes.count else { return nil }
        var i = start
        while i + pattern.count <= bytes.count {
            if bytes[i..<i + pattern.count].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }

    static func skip(past pattern: String, in bytes: [UInt8], from start: Int) -> Int? {
        let p = Array(pattern.utf8)
        return find(p, in: bytes, from: start).map { $0 + p.count }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
