/// Hard limits on what the Load stage accepts, so hostile or broken input fails fast with a
/// located diagnostic instead of exhausting memory, time or the stack.
public enum InputLimits {
    /// Largest YAML, JSON or Markdown file read. Real manifests, contracts and docs are kilobytes;
    /// this bounds memory and parse time (Yams needs about half a second per MiB in debug builds).
    public static let maxFileBytes = 8 * 1024 * 1024

    /// Deepest nesting of YAML collections. Yams composes recursively (about 1 KiB of stack per
    /// level in release builds), and libyaml's own cap is 1000, too deep for small thread stacks.
    /// Contracts nest ten or so levels; 100 leaves room for any real document.
    public static let maxDepth = 100

    /// Most values that alias expansion may add to one file ("billion laughs"). YAML reuse in
    /// practice copies a few dozen values; this stops exponential expansion long before it hurts.
    public static let maxAliasExpansion = 100_000

    /// Most input files (YAML, JSON, Markdown, images) read in one run. A 10,000-product mesh has
    /// about 57,000; this stops a source that names a huge folder by mistake before memory runs out.
    public static let maxFiles = 250_000

    /// How many times a file with duplicate keys is re-parsed to find where the second key is,
    /// and how many bytes those re-parses may read in total, so a hostile file cannot make it slow.
    static let maxDuplicateKeyRounds = 8
    static let maxDuplicateKeyBytes = 8 * 1024 * 1024

    /// "8 MiB", "9.5 MiB (9961472 bytes)": sizes as a data engineer reads them.
    static func describe(bytes: Int) -> String {
        let mib = Double(bytes) / 1_048_576
        let rounded = (mib * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) MiB (\(bytes) bytes)"
    }
}
