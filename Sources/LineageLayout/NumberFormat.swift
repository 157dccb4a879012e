/// Number printing for the writers: C's `%.5g` (as Graphviz prints `plain`) and fixed decimals
/// without trailing zeros. Hand-written because `String(format:)` is far too slow for
/// the ~10^5 numbers of a large graph, and this is locale-independent.
enum NumberFormat {
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    private static func power(_ exponent: Int) -> Double {
        exponent >= 0 ? (exponent <= 22 ? powersOfTen[exponent] : pow10Slow(exponent))
            : 1 / (exponent >= -22 ? powersOfTen[-exponent] : pow10Slow(-exponent))
    }

    private static func pow10Slow(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Appends `value` as C's `printf("%.5g", value)` does.
    static func appendG5(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else {
            out.append(contentsOf: value.isNaN ? Array("nan".utf8) : Array((value < 0 ? "-inf" : "inf").utf8))
            return
        }
        var magnitude = abs(value)
        if magnitude == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var exponent = Int(magnitude.log10Floor)
        var digits = (magnitude / power(exponent - 4)).rounded()
        // log10 can be off by one near powers of ten, and rounding can carry into a sixth digit.
        if digits >= 100_000 {
            exponent += 1
            digits = (magnitude / power(exponent - 4)).rounded()
        } else if digits < 10_000 {
            exponent -= 1
            digits = (magnitude / power(exponent - 4)).rounded()
            if digits >= 100_000 { exponent += 1; digits = 10_000 }
        }
        magnitude = digits
        let significand = Int(magnitude)
        if exponent < -4 || exponent >= 5 {
            appendDigits(significand, decimals: 4, to: &out)
            out.append(UInt8(ascii: "e"))
            out.append(UInt8(ascii: exponent < 0 ? "-" : "+"))
            let e = abs(exponent)
            if e < 10 { out.append(UInt8(ascii: "0")) }
            appendInteger(e, to: &out)
        } else {
            appendDigits(significand, decimals: 4 - exponent, to: &out)
        }
    }

    /// `value` rounded to `digits` decimals, trailing zeros and a trailing point dropped.
    static func fixed(_ value: Double, digits: Int) -> String {
        var out: [UInt8] = []
        appendFixed(value, digits: digits, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func appendFixed(_ value: Double, digits: Int, to out: inout [UInt8]) {
        guard value.isFinite else { out.append(contentsOf: Array("0".utf8)); return }
        let scaled = (abs(value) * power(digits)).rounded()
        if scaled == 0 { out.append(UInt8(ascii: "0")); return }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        appendDigits(Int(scaled), decimals: digits, to: &out)
    }

    static func g5(_ value: Double) -> String {
        var out: [UInt8] = []
        appendG5(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `number / 10^decimals` with the fractional part's trailing zeros removed.
    private static func appendDigits(_ number: Int, decimals: Int, to out: inout [UInt8]) {
        var divisor = 1
        for _ in 0..<decimals { divisor *= 10 }
        appendInteger(number / divisor, to: &out)
        var fraction = number % divisor
        guard fraction != 0 else { return }
        var width = decimals
        while fraction % 10 == 0 { fraction /= 10; width -= 1 }
        out.append(UInt8(ascii: "."))
        let first = out.count
        for _ in 0..<width { out.append(UInt8(ascii: "0")) }
        var index = first + width - 1
        while fraction > 0 { out[index] = UInt8(ascii: "0") + UInt8(fraction % 10); fraction /= 10; index -= 1 }
    }

    static func appendInteger(_ number: Int, to out: inout [UInt8]) {
        if number < 0 { out.append(UInt8(ascii: "-")); appendInteger(-number, to: &out); return }
        if number < 10 { out.append(UInt8(ascii: "0") + UInt8(number)); return }
        appendInteger(number / 10, to: &out)
        out.append(UInt8(ascii: "0") + UInt8(number % 10))
    }
}

private extension Double {
    /// floor(log10(self)) for positive finite values, without Foundation.
    var log10Floor: Double {
        var exponent = 0.0
        var value = self
        while value >= 10 { value /= 10; exponent += 1 }
        while value < 1 { value *= 10; exponent -= 1 }
        return exponent
    }
}
