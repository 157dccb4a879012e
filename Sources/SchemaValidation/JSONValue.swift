import Foundation

/// A schema document as plain values, read once with JSONSerialization.
/// Object keys are kept as a dictionary; everything that iterates them sorts first, so results
/// never depend on hashing order.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw ParseError(description: "not valid JSON: \(error.localizedDescription)")
        }
        return try convert(object)
    }

    private static func convert(_ any: Any) throws -> JSONValue {
        // Containers first: asking a Swift dictionary whether it is an NSNumber bridges it.
        switch any {
        case let dictionary as [String: Any]:
            var object: [String: JSONValue] = [:]
            object.reserveCapacity(dictionary.count)
            for (key, value) in dictionary { object[key] = try convert(value) }
            return .object(object)
        case let array as [Any]:
            return .array(try array.map(convert))
        case let string as String:
            return .string(string)
        case is NSNull:
            return .null
        case let number as NSNumber:
            // Foundation hands booleans over as NSNumbers of C type "c"; everything else is a number.
            if String(cString: number.objCType) == "c", number.intValue == 0 || number.intValue == 1 {
                return .bool(number.boolValue)
            }
            return .number(number.doubleValue)
        default:
            throw ParseError(description: "unexpected JSON value \(type(of: any))")
        }
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var objectValue: [String: JSONValue]? {
        if case .object(let object) = self { return object }
        return nil
    }

    var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    var numberValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The value as a data engineer would write it in YAML, for messages ("'active'", "42", "true").
    var display: String {
        switch self {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .number(let number): return JSONValue.format(number)
        case .string(let string): return "'\(string)'"
        case .array(let items): return "[" + items.map(\.display).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.keys.sorted().map { "\($0): \(object[$0]!.display)" }.joined(separator: ", ") + "}"
        }
    }

    static func format(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}
