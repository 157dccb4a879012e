#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the program has freed back to the system. glibc keeps freed blocks in its arenas for
/// reuse; after Load and Validate free the YAML trees most of that sits in the middle of the heap,
/// counted in the build's resident size although Render never needs that much again.
enum FreedMemory {
    static func release() {
        _ = mallocTrim?(0)
    }

    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// glibc's `malloc_trim`, which Swift's Glibc module does not declare (it is in <malloc.h>): looked
    /// up at run time; nil with another C library.
    private static let mallocTrim: MallocTrim? = {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: MallocTrim.self)
        #else
        return nil
        #endif
    }()
}
