/// Paths in the model are relative to the mesh folder. A repository loaded on its own (a bundle)
/// has paths relative to the repository instead; decoding it with `CodingUserInfoKey.sourceRoot`
/// set to the folder mesh.yaml names it by moves every path under that folder, so the model reads
/// as if it had been loaded as part of the mesh.
extension CodingUserInfoKey {
    public static let sourceRoot = CodingUserInfoKey(rawValue: "meshport.sourceRoot")!
}

extension Decoder {
    /// `path` under the source root being decoded ("products/a.yaml" -> "domains/sales/products/a.yaml").
    public func pathUnderSourceRoot(_ path: String) -> String {
        guard let root = userInfo[.sourceRoot] as? String, !root.isEmpty else { return path }
        return path.isEmpty ? root : root + "/" + path
    }
}
