import ArgumentParser

/// How much a command says besides its diagnostics; shared by `build` and `serve`.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Also print each stage's time and the number of files read and written.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print only diagnostics.")
    var quiet = false

    /// Neither flag, for code that runs a command without parsing one.
    static var defaults: OutputOptions { (try? parse([])) ?? OutputOptions() }

    func validate() throws {
        if verbose && quiet { throw ValidationError("--verbose and --quiet cannot be used together") }
    }
}
