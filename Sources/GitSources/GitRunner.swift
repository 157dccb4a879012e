import Foundation

/// Runs the system `git` as a child process: arguments are passed as a list, never through a shell
/// (URLs and refs come from mesh.yaml), and every run has a time limit so a stalled network or a
/// credential prompt cannot hang a CI job.
public struct GitRunner: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: String
        public var timedOut: Bool
        public var succeeded: Bool { status == 0 && !timedOut }

        public init(status: Int32, stdout: Data, stderr: String, timedOut: Bool) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
            self.timedOut = timedOut
        }
        public var output: String { String(decoding: stdout, as: UTF8.self) }

        /// What to tell a person: git's own message up to its first `fatal:` or `error:` line (the
        /// advice after it is the same every time), or what went wrong around git.
        public var message: String {
            if timedOut { return "git did not finish in time and was stopped" }
            var lines: [String] = []
            for line in stderr.split(whereSeparator: \.isNewline) {
                var text = line.trimmingCharacters(in: .whitespaces)
                if text.isEmpty || text.hasPrefix("hint:") { continue }
                if text.hasSuffix(".") { text.removeLast() }
                lines.append(text)
                if text.hasPrefix("fatal:") || text.hasPrefix("error:") { break }
            }
            return lines.isEmpty ? "git exited with status \(status)" : lines.joined(separator: "; ")
        }
    }

    /// The `git` executable, or nil when none is on the PATH.
    public let executable: URL?
    public let timeout: TimeInterval

    public init(executable: URL? = GitRunner.findGit(), timeout: TimeInterval = 300) {
        self.executable = executable
        self.timeout = timeout
    }

    /// Settings every run gets: no hooks in meshport's cache, quiet detached checkouts, file names as
    /// they are. (Which transports a URL may use is GitAddress's job: https, http, ssh, git, file.)
    static let baseArguments = ["-c", "core.hooksPath=/dev/null", "-c", "advice.detachedHead=false", "-c", "core.quotePath=false"]

    /// No terminal prompts (they would wait for the time limit), messages in English.
    static func environment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["LC_ALL"] = "C"
        // Set by a hook or an outer git command, these would point every run at another repository.
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"] {
            environment[key] = nil
        }
        return environment
    }

    /// Runs `git -C directory arguments…`. With `ceiling`, git does not look for a repository above
    /// that folder: a cache folder that lost its repository must never reach the portal's own.
    public func run(_ arguments: [String], in directory: URL? = nil, ceiling: URL? = nil) -> Result {
        guard let executable else {
            return Result(status: 127, stdout: Data(), stderr: "git is not installed (no 'git' on the PATH)", timedOut: false)
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = Self.baseArguments + (directory.map { ["-C", $0.path] } ?? []) + arguments
        var environment = Self.environment()
        if let ceiling { environment["GIT_CEILING_DIRECTORIES"] = ceiling.path }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return Result(status: 126, stdout: Data(), stderr: "cannot run git: \(error.localizedDescription)", timedOut: false)
        }
        // Both pipes are drained while git runs, so a chatty command cannot fill one and stall.
        let stdout = PipeReader(out.fileHandleForReading), stderr = PipeReader(err.fileHandleForReading)
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            _ = finished.wait(timeout: .now() + 5)
        }
        // A helper git started (ssh, a credential helper) may keep a pipe open after git is gone.
        let grace: DispatchTime = .now() + (timedOut ? 2 : 30)
        return Result(status: process.isRunning ? -1 : process.terminationStatus,
                      stdout: stdout.wait(until: grace), stderr: String(decoding: stderr.wait(until: grace), as: UTF8.self),
                      timedOut: timedOut)
    }

    /// `git` on the PATH, as Process needs a full path.
    public static func findGit() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("git")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}

/// Reads a pipe to its end on a thread of its own (a blocked read must not hold one of Dispatch's
/// shared threads: with several git runs at once, that starves the pool for seconds).
private final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    /// What was read, or nothing when the pipe is still open at `deadline`.
    func wait(until deadline: DispatchTime) -> Data {
        done.wait(timeout: deadline) == .success ? data : Data()
    }
}
