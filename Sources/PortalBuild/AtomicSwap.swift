import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a finished folder in the place of another in one step, so that a reader, or a build killed
/// at any instant, sees either the whole old folder or the whole new one. On Linux this is
/// `renameat2(RENAME_EXCHANGE)`; where that is missing (another kernel, a file system without it)
/// the old folder is renamed aside first, which leaves a moment with no folder at all.
enum AtomicSwap {
    struct Failure: Error {
        var description: String
    }

    /// Moves `new` to `target`. Returns where the previous `target` now is (to be removed), if there was one.
    static func replace(_ target: String, with new: String, aside: String) throws(Failure) -> String? {
        guard FileManager.default.fileExists(atPath: target) else {
            if rename(new, target) != 0 { throw Failure(description: "cannot move the new site into place: \(lastError())") }
            return nil
        }
        if let exchange = renameExchange {
            if exchange(AT_FDCWD, new, AT_FDCWD, target, renameExchangeFlag) == 0 { return new }
            // EINVAL: the file system cannot exchange; ENOSYS: the kernel cannot. Anything else is real.
            guard errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP else {
                throw Failure(description: "cannot swap the new site into place: \(lastError())")
            }
        }
        if rename(target, aside) != 0 { throw Failure(description: "cannot move the previous site aside: \(lastError())") }
        if rename(new, target) != 0 {
            let reason = lastError()
            _ = rename(aside, target)
            throw Failure(description: "cannot move the new site into place: \(reason)")
        }
        return aside
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    private static let renameExchangeFlag: UInt32 = 1 << 1

    /// glibc has had `renameat2` since 2.28, but Swift's Glibc module does not declare it.
    private static let renameExchange = CLibrarySymbol.lookup("renameat2", as: RenameAt2.self)

    private static func lastError() -> String { String(cString: strerror(errno)) }

    /// Whether the process that made a staging folder (the number at the end of its name) is gone.
    static func isAbandoned(pid: Int32) -> Bool {
        pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }
}
