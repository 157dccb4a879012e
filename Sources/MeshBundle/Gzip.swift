import CZlib

/// gzip through zlib, for bundles: `gunzip -c x.meshport-bundle` shows the JSON. The header carries no
/// time, name or operating system, so the same bytes compress to the same file on every machine.
enum Gzip {
    struct Failure: Error { var reason: String }

    /// zlib's window bits for the gzip wrapper (15 + 16).
    private static let gzipWindow: Int32 = 31

    static func isCompressed(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, gzipWindow, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            fatalError("zlib cannot start deflate")   // only when out of memory
        }
        defer { deflateEnd(&stream) }
        var header = gz_header()
        header.os = 255   // "unknown": the same bytes on every system
        deflateSetHeader(&stream, &header)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
        var input = input
        let written = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer -> Int in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                // deflateBound leaves room for everything, so one call finishes.
                precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END, "deflateBound was too small")
                return Int(stream.total_out)
            }
        }
        return Array(output.prefix(written))
    }

    /// At most `limit` bytes out, so a small hostile file cannot exhaust memory.
    static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, gzipWindow, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(reason: "zlib cannot start inflate")
        }
        defer { inflateEnd(&stream) }
        var input = input
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while status == Z_OK, output.count <= limit {
                let produced = chunk.withUnsafeMutableBufferPointer { outBuffer -> Int in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return outBuffer.count - Int(stream.avail_out)
                }
                output += chunk.prefix(produced)
                if status == Z_BUF_ERROR, stream.avail_in == 0 { break }
            }
        }
        if output.count > limit { throw Failure(reason: "it unpacks to more than \(limit / (1 << 20)) MiB") }
        guard status == Z_STREAM_END else { throw Failure(reason: "its compressed data is damaged or cut short") }
        return output
    }
}
