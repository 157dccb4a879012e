#if canImport(Glibc)
import Glibc
#endif

/// glibc functions Swift's Glibc module does not declare (`renameat2`, `malloc_trim`), looked up at run
/// time; nil where the C library lacks them.
enum CLibrarySymbol {
    static func lookup<Function>(_ name: String, as type: Function.Type) -> Function? {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
        #else
        return nil
        #endif
    }
}
