import Foundation
import MeshFuzz

// Built two ways (see scripts/fuzz). With `-sanitize=fuzzer -DMESHPORT_FUZZ` it is a libFuzzer
// binary whose target is named by $MESHPORT_FUZZ_TARGET; otherwise `meshport-fuzz TARGET FILE...`
// runs inputs once each (a finding to reproduce, a corpus to check).

/// The repository this binary was built from: the base mesh and the default theme live there.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func makeHarness(_ name: String) -> FuzzHarness {
    guard let target = FuzzHarness.Target(rawValue: name) else {
        FileHandle.standardError.write(Data("unknown fuzz target '\(name)'; targets: \(FuzzHarness.Target.allCases.map(\.rawValue).joined(separator: " "))\n".utf8))
        exit(2)
    }
    do {
        return try FuzzHarness(target: target, baseMesh: repository.appendingPathComponent("Tests/Fixtures/Base"),
                               theme: repository.appendingPathComponent("Themes/default"))
    } catch {
        FileHandle.standardError.write(Data("cannot set up fuzz target \(name): \(error)\n".utf8))
        exit(2)
    }
}

#if MESHPORT_FUZZ
let harness = makeHarness(ProcessInfo.processInfo.environment["MESHPORT_FUZZ_TARGET"] ?? "")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = harness.run(bytes)
    if !problems.isEmpty { fatalError("unsafe output: " + problems.prefix(5).joined(separator: "; ")) }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@main struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
}
#else
@main struct ReplayMain {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first else {
            print("usage: meshport-fuzz TARGET FILE...  (targets: \(FuzzHarness.Target.allCases.map(\.rawValue).joined(separator: " ")))")
            exit(2)
        }
        let harness = makeHarness(name)
        var failed = false
        for file in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else { print("\(file): cannot read"); failed = true; continue }
            let problems = harness.run([UInt8](data))
            print("\(file): \(problems.isEmpty ? "ok" : problems.joined(separator: "; "))")
            failed = failed || !problems.isEmpty
        }
        exit(failed ? 1 : 0)
    }
}
#endif
