import Foundation
import MeshLoad
import MeshModel
import PortalBuild

/// Runs a build and reports it. Returns the exit status: 0 built, 1 errors in the input,
/// 2 configuration problems.
struct BuildRunner {
    let meshDirectory: String
    let out: String?
    let theme: String?
    let sources: SourceFlags
    var bundles: String? = nil
    let diagnostics: DiagnosticOptions
    var output = OutputOptions.defaults
    var console = Console.standard

    func run() -> Int32 {
        let meshURL = URL(fileURLWithPath: meshDirectory).standardizedFileURL
        let outURL = out.map { URL(fileURLWithPath: $0) } ?? meshURL.appendingPathComponent("_site")
        let reporter = DiagnosticReporter(meshDirectory: meshURL, options: diagnostics, console: console)
        let build = BuildReporter(output: output, console: console, machineFormat: diagnostics.format != .text)
        let textSummary = diagnostics.format == .text && !output.quiet
        do {
            let writer = SiteWriter(output: outURL)
            try writer.checkTarget(meshDirectory: meshURL)
            let builder = MeshBuilder(meshDirectory: meshURL, themeOverride: theme.map { URL(fileURLWithPath: $0) },
                                      generatedAt: MeshBuilder.generatedAt(sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]),
                                      bundleDirectory: bundles.map { URL(fileURLWithPath: $0) }, sourceOptions: sources.options)
            // Only an explicit --cache remembers builds; the default cache folder holds git sources only.
            let buildCache = sources.cache.map { BuildCache(cacheDirectory: URL(fileURLWithPath: $0)) }
            let digest = try buildCache.map { _ throws(MeshLoader.ConfigurationError) in
                try builder.inputDigest(settings: [MeshportVersion.current, theme ?? ""])
            }
            if let buildCache, let digest, let record = buildCache.unchangedBuild(digest: digest, output: outURL) {
                let status = reporter.report(record.diagnostics)
                if status != 0 {
                    if textSummary { console.error(reporter.summary(record.diagnostics) + "; no site written") }
                    return max(status, 1)
                }
                if textSummary { console.output(record.summary + " (unchanged: nothing rewritten)") }
                return 0
            }
            let progress = build.progress
            let outcome = try builder.build(progress: progress)
            try writer.checkTarget(meshDirectory: meshURL, sourceRoots: outcome.sourceRoots)
            let status = reporter.report(outcome.diagnostics)
            guard status == 0, let site = outcome.site, let mesh = outcome.mesh else {
                if textSummary { console.error(reporter.summary(outcome.diagnostics) + "; no site written") }
                return max(status, 1)
            }
            var clock = StageClock()
            progress.started(.write)
            let publication = try writer.write(site)
            clock.lap("write")
            progress.finished(.write, seconds: clock.laps.last!.seconds, [("files written", publication.written), ("kept", publication.kept)])
            if ProcessInfo.processInfo.environment["MESHPORT_TIMINGS"] != nil {
                for (stage, seconds) in outcome.timings + clock.laps {
                    console.error("stage \(stage): \(String(format: "%.3f", seconds)) s")
                }
            }
            let changes = publication.unchanged ? "unchanged" : "\(publication.written) written, \(publication.kept) unchanged"
            let built = "built \(mesh.products.count) products in \(mesh.domains.count) domains, \(site.files.count) files"
            let summary = built + " -> \(outURL.path)"
            if diagnostics.format == .text { build.summary(built + " (\(changes)) -> \(outURL.path)") }
            if let buildCache, let digest {
                buildCache.remember(.init(digest: digest, output: outURL.standardizedFileURL.path,
                                          outputStamp: BuildCache.stamp(outURL), diagnostics: outcome.diagnostics, summary: summary))
            }
            return 0
        } catch let error as MeshLoader.ConfigurationError {
            reporter.report(error.diagnostics)
            return 2
        } catch {
            console.error("error: \(error)")
            return 2
        }
    }
}
