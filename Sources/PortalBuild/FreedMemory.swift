/// Hands memory the program has freed back to the system. glibc keeps freed blocks in its arenas for
/// reuse, and what the YAML trees and the search index's working memory leave sits in the middle of
/// the heap, counted in the build's resident size (measured in BENCHMARKS.md).
enum FreedMemory {
    static func release() {
        _ = mallocTrim?(0)
    }

    private typealias MallocTrim = @convention(c) (Int) -> Int32

    /// glibc's `malloc_trim` (declared in <malloc.h>, which Swift's Glibc module leaves out).
    private static let mallocTrim = CLibrarySymbol.lookup("malloc_trim", as: MallocTrim.self)
}
