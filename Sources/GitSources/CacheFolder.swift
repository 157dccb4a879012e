import Foundation

/// The `--cache` folder (default `<mesh>/.meshport-cache`): meshport's own, made on first use with a
/// `.gitignore` that keeps it out of the repository around it and a `CACHEDIR.TAG` for backup tools.
/// Each kind of cached thing has its own subfolder (`git/` for fetched sources).
public enum CacheFolder {
    public static let defaultName = ".meshport-cache"

    /// Makes the folder and its marker files when missing; returns what went wrong, or nil.
    public static func prepare(_ directory: URL) -> String? {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            let markers = [
                ".gitignore": "# meshport's cache: nothing here belongs in version control.\n*\n",
                "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n# meshport's cache: safe to delete, rebuilt on the next run.\n",
            ]
            for (name, text) in markers.sorted(by: { $0.key < $1.key }) {
                let file = directory.appendingPathComponent(name)
                if !fm.fileExists(atPath: file.path) { try Data(text.utf8).write(to: file) }
            }
            return nil
        } catch {
            return "cannot use the cache folder \(directory.path): \(error.localizedDescription)"
        }
    }

    /// A short, stable name for a text (FNV-1a, 48 bits in hex): the same URL or ref always gets
    /// the same folder, on every machine.
    public static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        let hex = String(value >> 16, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }
}
