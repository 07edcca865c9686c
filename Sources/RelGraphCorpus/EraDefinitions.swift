import Foundation
import RelGraphCore
import Yams

/// Reads `--eras`: either inline (`soviet:1945-1991,putin:2000-`) or the path of a YAML/JSON file holding a list of
/// eras, or a manifest-like map with an `eras:` list:
///
/// ```yaml
/// - {id: cold-war, label: Cold War, start: 1947, end: 1991}
/// - {id: after, label: After the Cold War, start: 1992, end: null}
/// ```
public enum EraDefinitions {
    public static func load(_ value: String) throws -> EraSet {
        let url = URL(fileURLWithPath: value)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            do { return try EraSet.parse(value) } catch let error as EraDefinitionError {
                throw CorpusError("--eras: \(error.description) (neither a file nor id:start-end,…)")
            }
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw CorpusError("\(url.path): cannot be read as UTF-8 text")
        }
        struct Wrapped: Decodable { var eras: [Era] }
        let eras: [Era]
        do {
            if let list = try? YAMLDecoder().decode([Era].self, from: text) {
                eras = list
            } else {
                eras = try YAMLDecoder().decode(Wrapped.self, from: text).eras
            }
        } catch let error as DecodingError {
            throw CorpusError("\(url.path): \(CorpusReader.describe(error))")
        } catch {
            throw CorpusError("\(url.path): \(error)")
        }
        do { return try EraSet(eras) } catch let error as EraDefinitionError {
            throw CorpusError("\(url.path): \(error.description)")
        }
    }
}
