import Foundation
import MeshLoad
import MeshModel
import PortalBuild
import PortalRender

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
            let inputs = try buildCache.map { _ throws(MeshLoader.ConfigurationError) in
                try builder.inputDigests(settings: [MeshportVersion.current, theme ?? ""])
            }
            let digest = inputs?.digest
            // The last build to this output, read and its site stamped once: it either makes this build
            // unnecessary or tells which of its files can be carried over.
            let last = buildCache?.lastBuild(output: outURL)
            if let record = last, record.digest == digest {
                let status = reporter.report(record.diagnostics)
                if status != 0 {
                    if textSummary { console.error(reporter.summary(record.diagnostics) + "; no site written") }
                    return max(status, 1)
                }
                if textSummary { console.output(record.summary + " (unchanged: nothing rewritten)") }
                return 0
            }
            let progress = build.progress
            var prepared = try builder.prepare(progress: progress)
            try writer.checkTarget(meshDirectory: meshURL, sourceRoots: prepared.outcome.sourceRoots)
            let status = reporter.report(prepared.outcome.diagnostics)
            guard status == 0, prepared.rendersSite, let mesh = prepared.outcome.mesh else {
                if textSummary { console.error(reporter.summary(prepared.outcome.diagnostics) + "; no site written") }
                return max(status, 1)
            }
            // With --cache, pages and supplements whose fingerprint did not change since the last build
            // are not rendered: their files are carried over from the site that build published.
            let reuse = inputs.flatMap { builder.fingerprints(of: prepared, inputs: $0) }.map {
                RenderReuse(fingerprints: $0, last: last?.pages)
            }
            // Pages go to the staging folder as they are rendered, written while the next batch renders:
            // the site is never whole in memory.
            var staged = writer.begin()
            var supplementFiles: [PageRenderer.Supplement: [String]] = [:]
            var rendered = 0
            try staged.carryOver(reuse?.carried ?? [])
            let staging = StagingThread(staged)
            defer { staging.close() }
            try builder.render(&prepared, progress: progress, reusing: reuse?.reuse ?? .init()) { (files) throws(SiteWriter.Failure) in
                rendered += files.count
                for file in files { if let supplement = file.supplement { supplementFiles[supplement, default: []].append(file.path) } }
                try staging.add(files)
            }
            let outcome = prepared.outcome
            progress.started(.write)
            staged = try staging.finish()
            let start = ContinuousClock.now
            let publication = try staged.finish()
            // What writing cost beyond the rendering it overlapped.
            let writeSeconds = StageClock.seconds(staging.waited + (ContinuousClock.now - start))
            progress.finished(.write, seconds: writeSeconds, [("files written", publication.written), ("kept", publication.kept)])
            if ProcessInfo.processInfo.environment["MESHPORT_TIMINGS"] != nil {
                for (stage, seconds) in outcome.timings + [("write", writeSeconds)] {
                    console.error("stage \(stage): \(String(format: "%.3f", seconds)) s")
                }
            }
            var changes = publication.unchanged ? "unchanged" : "\(publication.written) written, \(publication.kept) unchanged"
            if let carried = reuse?.carried.count, carried > 0 { changes = "\(rendered) rendered, \(carried) reused; " + changes }
            let built = "built \(mesh.products.count) products in \(mesh.domains.count) domains, \(staged.fileCount) files"
            let summary = built + " -> \(outURL.path)"
            if diagnostics.format == .text { build.summary(built + " (\(changes)) -> \(outURL.path)") }
            if let buildCache, let digest {
                buildCache.remember(.init(digest: digest, output: outURL.standardizedFileURL.path,
                                          outputStamp: BuildCache.stamp(outURL), diagnostics: outcome.diagnostics, summary: summary,
                                          pages: reuse?.record(rendered: supplementFiles)))
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
