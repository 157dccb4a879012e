import MeshLink
import MeshModel

/// Finds products that feed each other in a circle (strongly connected components, Tarjan's
/// algorithm, iterative so a long chain cannot exhaust the stack).
enum LineageCycles {
    static func find(_ mesh: LinkedMesh) -> [Finding] {
        let n = mesh.products.count
        var next = Array(repeating: [Int](), count: n)
        for edge in mesh.edges { next[edge.upstream.product].append(edge.downstream.product) }
        var index = Array(repeating: -1, count: n), low = Array(repeating: 0, count: n)
        var onStack = Array(repeating: false, count: n)
        var stack: [Int] = [], components: [[Int]] = []
        var counter = 0
        for start in 0..<n where index[start] < 0 {
            var work: [(node: Int, child: Int)] = [(start, 0)]
            index[start] = counter; low[start] = counter; counter += 1
            stack.append(start); onStack[start] = true
            while let (v, i) = work.last {
                if i < next[v].count {
                    work[work.count - 1].child += 1
                    let w = next[v][i]
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    work.removeLast()
                    if let parent = work.last?.node { low[parent] = min(low[parent], low[v]) }
                    if low[v] == index[v] {
                        var component: [Int] = []
                        while let w = stack.popLast() {
                            onStack[w] = false
                            component.append(w)
                            if w == v { break }
                        }
                        if component.count > 1 { components.append(component.sorted()) }
                    }
                }
            }
        }
        return components.sorted { $0[0] < $1[0] }.map { component in finding(component, mesh) }
    }

    /// One error at the first product's input that closes the circle, naming every product in it.
    static func finding(_ component: [Int], _ mesh: LinkedMesh) -> Finding {
        let members = Set(component)
        let names = component.map { "\(mesh.products[$0].domain)/\(mesh.products[$0].slug)" }
        func inputInCycle(_ p: Int) -> LinkedInputPort? {
            mesh.products[p].inputPorts.first { $0.upstream.map { members.contains($0.product) } ?? false }
        }
        let first = component[0]
        let notes = component.dropFirst().compactMap { p -> Diagnostic.Note? in
            inputInCycle(p).map { .init("'\(mesh.products[p].name)' reads from the cycle here", at: $0.port.location) }
        }
        return Finding(rule: "lineage.cycle",
                       message: "lineage cycle: these \(component.count) products feed each other: \(names.joined(separator: ", "))",
                       location: inputInCycle(first)?.port.location ?? mesh.products[first].manifest.location,
                       notes: notes, product: first)
    }
}
