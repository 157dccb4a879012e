import Foundation
import PortalRender

/// Finds and reads themes from disk: the default theme that ships beside the binary (or in the
/// source checkout), and an optional user theme whose files override it by name.
public enum ThemeLoader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// `$MESHPORT_THEME_DIR`, then `<prefix>/share/meshport/Themes/default` for an installed binary,
    /// then `Themes/default` in a folder above the executable (a build inside the source checkout).
    public static func defaultThemeDirectory() -> URL? {
        let fm = FileManager.default
        func isTheme(_ url: URL) -> Bool { fm.fileExists(atPath: url.appendingPathComponent("templates/layout.mustache").path) }
        if let env = ProcessInfo.processInfo.environment["MESHPORT_THEME_DIR"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        let installed = folder.deletingLastPathComponent().appendingPathComponent("share/meshport/Themes/default")
        if isTheme(installed) { return installed }
        for _ in 0..<8 {
            let candidate = folder.appendingPathComponent("Themes/default")
            if isTheme(candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    public static func load(defaultDirectory: URL?, overrideDirectory: URL?) throws(Failure) -> Theme {
        guard let defaultDirectory = defaultDirectory ?? defaultThemeDirectory() else {
            throw Failure(description: "cannot find the default theme; set MESHPORT_THEME_DIR to meshport's Themes/default folder")
        }
        do {
            var theme = try Theme(templates: try readTemplates(defaultDirectory), assets: try readAssets(defaultDirectory))
            if let overrideDirectory {
                guard FileManager.default.fileExists(atPath: overrideDirectory.path) else {
                    throw Failure(description: "theme folder \(overrideDirectory.path) does not exist")
                }
                theme = try theme.overridden(by: (try readTemplates(overrideDirectory), try readAssets(overrideDirectory)))
            }
            return theme
        } catch let error as Theme.TemplateError {
            throw Failure(description: error.description)
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(description: "cannot read theme: \(error)")
        }
    }

    static func readTemplates(_ directory: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for (path, data) in try files(under: directory.appendingPathComponent("templates")) where path.hasSuffix(".mustache") {
            out[String(path.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
        }
        return out
    }

    static func readAssets(_ directory: URL) throws -> [String: [UInt8]] {
        try files(under: directory.appendingPathComponent("assets"))
    }

    /// Every regular file below `directory`, by path relative to it; an absent folder is empty.
    static func files(under directory: URL) throws -> [String: [UInt8]] {
        let fm = FileManager.default
        guard fm.fileExists(atPath: directory.path) else { return [:] }
        var out: [String: [UInt8]] = [:]
        guard let enumerator = fm.enumerator(atPath: directory.path) else { return out }
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isDir: ObjCBool = false
            let full = directory.appendingPathComponent(relative).path
            if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue, let data = fm.contents(atPath: full) {
                out[relative] = [UInt8](data)
            }
        }
        return out
    }
}
