import Foundation
import RelGraphCore
import Yams

/// A corpus folder read into memory: its documents, its manifest, and what had to be skipped.
public struct Corpus: Sendable {
    public var directory: URL
    public var documents: [SourceDocument]
    public var manifest: CorpusManifest?
    /// Files skipped, each with the reason ("empty", "not UTF-8", "binary").
    public var skipped: [(file: String, reason: String)]
}

/// A problem that stops a corpus from being read at all: a missing folder or a bad manifest.
public struct CorpusError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Reads every `.txt`, `.md`, `.html` and `.htm` file of a folder (not recursively) and its manifest.
///
/// A document's id is its file name without extension. Files that cannot be read as text are skipped with a
/// reason, and the run goes on; a folder that does not exist, or a manifest that does not parse, is an error.
public enum CorpusReader {
    public static let documentExtensions: Set<String> = ["txt", "md", "html", "htm"]
    public static let manifestNames = ["corpus.yaml", "corpus.yml", "corpus.json"]

    public static func read(directory: URL) throws -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw CorpusError("\(directory.path): no such folder")
        }
        guard isDirectory.boolValue else { throw CorpusError("\(directory.path): not a folder") }
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw CorpusError("\(directory.path): cannot be listed (\(error.localizedDescription))")
        }
        let manifest = try readManifest(in: directory)
        let known = Dictionary((manifest?.documents ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var documents: [SourceDocument] = []
        var skipped: [(String, String)] = []
        var ids = Set<String>()
        for file in files where documentExtensions.contains(file.pathExtension.lowercased()) {
            let id = file.deletingPathExtension().lastPathComponent
            guard ids.insert(id).inserted else {
                skipped.append((file.path, "another file has the same id \"\(id)\""))
                continue
            }
            let bytes: [UInt8]
            do { bytes = Array(try Data(contentsOf: file)) } catch {
                skipped.append((file.path, "cannot be read (\(error.localizedDescription))"))
                continue
            }
            if let reason = problem(with: bytes) {
                skipped.append((file.path, reason))
                continue
            }
            let entry = known[id]
            let info = DocumentInfo(id: id, title: entry?.title, date: entry?.date, source: entry?.source)
            let isHTML = ["html", "htm"].contains(file.pathExtension.lowercased())
            documents.append(SourceDocument(info: info, bytes: bytes, format: isHTML ? .html : .text))
        }
        if let entries = manifest?.documents {
            for entry in entries where !ids.contains(entry.id) {
                skipped.append(("manifest", "names document \"\(entry.id)\", which has no file"))
            }
        }
        return Corpus(directory: directory, documents: documents, manifest: manifest, skipped: skipped)
    }

    /// Why `bytes` cannot be a text document, or nil.
    public static func problem(with bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return "empty" }
        if bytes.prefix(8192).contains(0) { return "binary (contains NUL bytes)" }
        if String(validating: bytes, as: UTF8.self) == nil { return "not valid UTF-8" }
        return nil
    }

    static func readManifest(in directory: URL) throws -> CorpusManifest? {
        for name in manifestNames {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw CorpusError("\(url.path): cannot be read as UTF-8 text")
            }
            do {
                if name.hasSuffix(".json") {
                    return try JSONDecoder().decode(CorpusManifest.self, from: Data(text.utf8))
                }
                return try YAMLDecoder().decode(CorpusManifest.self, from: text)
            } catch let error as DecodingError {
                throw CorpusError("\(url.path): \(describe(error))")
            } catch {
                throw CorpusError("\(url.path): \(error)")
            }
        }
        return nil
    }

    /// "field documents[2].date: expected a date as YYYY…" rather than Foundation's debug dump.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "field \(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "field \(path(context.codingPath + [key])) is missing"
        @unknown default:
            return "\(error)"
        }
    }
}
