import Foundation

/// An asset's bytes as one `Data` value (base64 in JSON), not an array of numbers.
extension AssetFile: Codable {
    enum CodingKeys: String, CodingKey { case file, bytes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file),
                  bytes: [UInt8](try container.decode(Data.self, forKey: .bytes)))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(Data(bytes), forKey: .bytes)
    }
}
