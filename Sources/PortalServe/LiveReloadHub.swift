/// The open pages, each listening on a Server-Sent Events stream: told to reload when its page
/// changed, and shown the build's problems while the input has errors.
public actor LiveReloadHub {
    /// One message on the stream, in the text/event-stream format.
    public struct Event: Sendable, Equatable {
        public var name: String
        public var data: String

        /// `event: name`, the data line by line, and the blank line that ends an event.
        public var wire: String {
            "event: \(name)\n" + data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)\n" }.joined() + "\n"
        }

        public static func reload(_ page: String) -> Event { Event(name: "reload", data: page) }
        /// The problems as `DiagnosticFormat.json` writes them; the page overlays them.
        public static func problems(_ json: String) -> Event { Event(name: "problems", data: json) }
        public static let mended = Event(name: "mended", data: "")
    }

    private struct Listener {
        var page: String
        var continuation: AsyncStream<Event>.Continuation
    }

    private var listeners: [Int: Listener] = [:]
    private var nextID = 0
    /// The problems shown while the input has errors; a page opened meanwhile is shown them at once.
    private var problems: Event?

    public init() {}

    /// Pages open now, by site path.
    public var openPages: Set<String> { Set(listeners.values.map(\.page)) }

    /// A stream for the page at `page` (a site path such as "products/sales/orders/index.html").
    public func listen(page: String) -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id = nextID
        nextID += 1
        listeners[id] = Listener(page: page, continuation: continuation)
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        continuation.yield(Event(name: "hello", data: page))
        if let problems { continuation.yield(problems) }
        return stream
    }

    /// Tells the open pages among `changed` to reload; returns how many were told.
    @discardableResult
    public func reload(_ changed: Set<String>) -> Int {
        var told = 0
        for listener in listeners.values where changed.contains(listener.page) {
            listener.continuation.yield(.reload(listener.page))
            told += 1
        }
        return told
    }

    /// Shows the build's problems on every open page, or (nil) takes them away.
    public func show(problems json: String?) {
        let event = json.map(Event.problems) ?? .mended
        if json == nil, problems == nil { return }
        problems = json.map(Event.problems)
        for listener in listeners.values { listener.continuation.yield(event) }
    }

    /// Ends every stream (the server is stopping).
    public func finishAll() {
        for listener in listeners.values { listener.continuation.finish() }
        listeners = [:]
    }

    private func remove(_ id: Int) {
        listeners[id] = nil
    }
}
