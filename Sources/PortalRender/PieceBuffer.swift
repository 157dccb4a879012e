/// Bytes appended in pieces, joined once at the end into an array of exactly their size, each piece
/// let go as it is copied: the whole plus one piece in memory at most. One growing array held the old
/// and the new copy at once each time it doubled: for the 160 MB `api/mesh.json` of 10,000 products,
/// the build's peak (979 MiB; 889 MiB with this). A piece is larger than glibc's largest mmap threshold
/// (32 MB), so it always has pages of its own, given back to the system when it is let go.
struct PieceBuffer {
    static let pieceBytes = 33 << 20
    private var pieces: [[UInt8]] = []
    private var current: [UInt8] = []
    private(set) var count = 0

    init() { current.reserveCapacity(Self.pieceBytes + (1 << 20)) }

    mutating func append(_ byte: UInt8) {
        current.append(byte)
        count += 1
        if current.count >= Self.pieceBytes { startPiece() }
    }

    static func += <S: Sequence>(buffer: inout PieceBuffer, bytes: S) where S.Element == UInt8 {
        let before = buffer.current.count
        buffer.current.append(contentsOf: bytes)
        buffer.count += buffer.current.count - before
        if buffer.current.count >= pieceBytes { buffer.startPiece() }
    }

    private mutating func startPiece() {
        pieces.append(current)
        current = []
        current.reserveCapacity(Self.pieceBytes + (1 << 20))
    }

    /// All the bytes, the buffer left empty.
    mutating func joined() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for i in pieces.indices {
            out += pieces[i]
            pieces[i] = []
        }
        out += current
        pieces = []
        current = []
        count = 0
        return out
    }
}
