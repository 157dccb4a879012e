import MeshModel
import Yams

/// Turns Yams nodes into position-carrying `YAMLNode`s and checks what Yams does not:
/// - depth, exactly (aliases can nest a document deeper than its text shows);
/// - alias expansion: Yams shares an anchored node between its uses, but every later stage walks
///   the expanded tree, so the values aliases add are counted and a "billion laughs" is refused;
/// - duplicate keys, located at the second occurrence (Yams reports the first, and only one).
///
/// Must run while the Yams `Parser` is alive: Yams holds anchors weakly through it.
struct YAMLConverter {
    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// A converted node with its expanded size (values) and height (collection levels; 0 for a scalar).
    struct Converted {
        var node: YAMLNode
        var size: Int
        var height: Int
    }

    let file: String
    /// Keys that were renamed in the text so Yams would let a duplicate through, by position.
    let restoredKeys: [Position: String]
    /// The prescan's `*alias` tokens, in text order, to point at the alias being expanded.
    let aliasTokens: [YAMLPrescan.AliasToken]
    var maxDepth = InputLimits.maxDepth
    var maxAliasExpansion = InputLimits.maxAliasExpansion

    /// Anchored nodes already converted, by anchor identity; a later sighting is an alias.
    private var definitions: [ObjectIdentifier: Converted] = [:]
    private var expanded = 0
    private var aliasUses = 0

    init(file: String, restoredKeys: [Position: String] = [:], aliasTokens: [YAMLPrescan.AliasToken] = []) {
        self.file = file
        self.restoredKeys = restoredKeys
        self.aliasTokens = aliasTokens
    }

    /// `level`: how many collections enclose the node.
    mutating func convert(_ node: Node, level: Int = 0) throws(Failure) -> Converted {
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        if let anchor = node.anchor, let known = definitions[ObjectIdentifier(anchor)] {
            return try expand(known, anchor: anchor.rawValue, level: level)
        }
        if !isScalar(node), level + 1 > maxDepth {
            throw Failure(diagnostic: .error("yaml.tooDeep",
                "this YAML nests collections more than \(maxDepth) levels deep (here); meshport refuses it",
                at: location))
        }
        var result: Converted
        switch node {
        case .scalar(let scalar):
            var text = scalar.string
            var kind = YAMLReader.kind(of: node)
            if let original = restoredKeys[Position(line: location.line, column: location.column)] {
                text = original
                kind = YAMLReader.kind(of: .scalar(.init(original, scalar.tag, scalar.style)))
            }
            result = Converted(node: YAMLNode(.scalar(text, kind), at: location), size: 1, height: 0)
        case .mapping(let mapping):
            var pairs: [YAMLNode.Pair] = []
            pairs.reserveCapacity(mapping.count)
            var size = 1, height = 1
            var firstKeys: [YAMLNode.Value: SourceLocation] = [:]
            for (keyNode, valueNode) in mapping {
                let key = try convert(keyNode, level: level + 1)
                if case .scalar = key.node.value {
                    if let first = firstKeys[key.node.value] {
                        throw Failure(diagnostic: duplicate(key.node, first: first))
                    }
                    firstKeys[key.node.value] = key.node.location
                }
                let value = try convert(valueNode, level: level + 1)
                pairs.append(YAMLNode.Pair(key: key.node, value: value.node))
                size += key.size + value.size
                height = max(height, 1 + max(key.height, value.height))
            }
            result = Converted(node: YAMLNode(.mapping(pairs), at: location), size: size, height: height)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            items.reserveCapacity(sequence.count)
            var size = 1, height = 1
            for item in sequence {
                let converted = try convert(item, level: level + 1)
                items.append(converted.node)
                size += converted.size
                height = max(height, 1 + converted.height)
            }
            result = Converted(node: YAMLNode(.sequence(items), at: location), size: size, height: height)
        case .alias:
            result = Converted(node: YAMLNode(.scalar("", .null), at: location), size: 1, height: 0)
        }
        if let anchor = node.anchor { definitions[ObjectIdentifier(anchor)] = result }
        return result
    }

    /// An alias: the anchored value again, counted as if copied, since later stages walk every copy.
    private mutating func expand(_ known: Converted, anchor: String, level: Int) throws(Failure) -> Converted {
        let use = aliasUses
        aliasUses += 1
        // Conversion meets aliases in text order, so the n-th one met is the prescan's n-th token.
        let token = use < aliasTokens.count && aliasTokens[use].name == anchor ? aliasTokens[use] : nil
        let at = token?.location ?? known.node.location
        let definedHere = Diagnostic.Note("anchor '&\(anchor)' is defined here", at: known.node.location)
        if level + known.height > maxDepth {
            throw Failure(diagnostic: .error("yaml.tooDeep",
                "expanding alias '*\(anchor)' here nests this YAML more than \(maxDepth) levels deep; meshport refuses it",
                at: at, notes: [definedHere]))
        }
        expanded += known.size
        if expanded > maxAliasExpansion {
            throw Failure(diagnostic: .error("yaml.aliases",
                "expanding the aliases in this file would create more than \(maxAliasExpansion) values "
                + "(alias '*\(anchor)' here stands for \(known.size)); meshport refuses such alias bombs",
                at: at, notes: [definedHere]))
        }
        return known
    }

    private func isScalar(_ node: Node) -> Bool {
        if case .scalar = node { return true }
        return false
    }

    private func duplicate(_ key: YAMLNode, first: SourceLocation) -> Diagnostic {
        .error("yaml.key.duplicate",
               "key '\(key.scalar ?? "")' appears twice in this mapping; YAML keys must be unique, and it is unclear which value is meant",
               at: key.location, notes: [.init("'\(key.scalar ?? "")' is first written here", at: first)])
    }

    /// Renames the key at a position by one character, to a private-use character no real key
    /// starts with (a different one each round, so two renamed keys never clash), so Yams accepts
    /// the text and the converter can locate the duplicate itself. Lines and columns stay the same.
    /// Returns false for keys it cannot safely rename.
    static func neutraliseKey(in text: inout String, at position: Position, round: Int) -> Bool {
        var bytes = Array(text.utf8)
        guard let offset = SourceText.byteOffset(line: position.line, column: position.column, in: bytes),
              offset < bytes.count, let marker = Unicode.Scalar(0xE000 + UInt32(round % 0x1000)) else {
            return false
        }
        var target = offset
        let quote = bytes[offset]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            target += 1
            guard target < bytes.count else { return false }
            let next = bytes[target]
            // An empty key or an escape cannot be renamed without changing the text's length or meaning.
            if next == quote || next == UInt8(ascii: "\\") { return false }
        } else if "&*![]{}|>#%@`,".utf8.contains(quote) {
            return false   // anchored, tagged or non-scalar keys
        }
        guard target < bytes.count, bytes[target] != 0x0A, bytes[target] != 0x0D else { return false }
        var end = target + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        bytes.replaceSubrange(target..<end, with: Array(String(Character(marker)).utf8))
        text = String(decoding: bytes, as: UTF8.self)
        return true
    }
}
