import ArgumentParser
import Foundation

/// A command's folder argument, standardised; a path that is not a folder is a usage error (exit 2).
func existingFolder(_ path: String, console: Console) throws -> URL {
    let url = URL(fileURLWithPath: path).standardizedFileURL
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        console.error("error: \(url.path) is not a folder")
        throw ExitCode(2)
    }
    return url
}
