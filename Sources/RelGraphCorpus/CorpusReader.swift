import Foundation
import RelGraphCore
import Yams

/// A corpus folder: its document files (not yet read), its manifest, and the files already set aside.
///
/// Documents are read one at a time by whoever extracts them (``DocumentFile/load()``), so a corpus much larger
/// than memory can be processed.
public struct Corpus: Sendable {
    public var directory: URL
    public var files: [DocumentFile]
    public var manifest: CorpusManifest?
    /// Files set aside before reading (a second file with the same id).
    public var skipped: [DocumentSkip]

    /// Every document read into memory, and the ones that could not be (for tests and small corpora).
    public func loadDocuments() -> (documents: [SourceDocument], skipped: [DocumentSkip]) {
        var documents: [SourceDocument] = []
        var skipped = self.skipped
        for file in files {
            switch file.load() {
            case .success(let document): documents.append(document)
            case .failure(let skip): skipped.append(skip)
            }
        }
        return (documents, skipped)
    }
}

/// One document file of a corpus, with what the manifest says about it.
public struct DocumentFile: Sendable {
    public var url: URL
    public var info: DocumentInfo
    public var format: SourceDocument.Format
    /// The manifest lists this document with an explicit `date: null`: the date is known to be unknown, and is not
    /// inferred from the text.
    public var manifestListsDate = false

    /// Reads the file; the reason it cannot be a text document if so (empty, binary, not UTF-8, unreadable).
    public func load() -> Result<SourceDocument, DocumentSkip> {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: url)) } catch {
            return .failure(DocumentSkip(file: url.path, reason: "cannot be read (\(error.localizedDescription))"))
        }
        if let reason = CorpusReader.problem(with: bytes) { return .failure(DocumentSkip(file: url.path, reason: reason)) }
        // The manifest first; what the document says about itself fills the gaps.
        var info = self.info
        if info.title == nil || info.date == nil || info.source == nil {
            let own = DocumentMetadata.infer(bytes, format: format)
            info.title = info.title ?? own.title
            info.date = info.date ?? (manifestListsDate ? nil : own.date)
            info.source = info.source ?? own.source
        }
        return .success(SourceDocument(info: info, bytes: bytes, format: format))
    }
}

/// A file left out of a run, and why. The run goes on without it.
public struct DocumentSkip: Error, Sendable, Equatable {
    public var file: String
    public var reason: String
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }
}

/// A problem that stops a corpus from being read at all: a missing folder or a bad manifest.
public struct CorpusError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Lists every `.txt`, `.md`, `.html` and `.htm` file of a folder (not recursively) and reads its manifest.
///
/// A document's id is its file name without extension. Files that cannot be read as text are skipped with a
/// reason when they are loaded, and the run goes on; a folder that does not exist, or a manifest that does not
/// parse, is an error.
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
        let (manifest, manifestURL) = try readManifest(in: directory)
        let known = Dictionary((manifest?.documents ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var documents: [DocumentFile] = []
        var skipped: [DocumentSkip] = []
        var ids = Set<String>()
        for file in files where documentExtensions.contains(file.pathExtension.lowercased()) {
            let id = file.deletingPathExtension().lastPathComponent
            guard ids.insert(id).inserted else {
                skipped.append(DocumentSkip(file: file.path, reason: "another file has the same id \"\(id)\""))
                continue
            }
            let entry = known[id]
            let info = DocumentInfo(id: id, title: entry?.title, date: entry?.date, source: entry?.source)
            let isHTML = ["html", "htm"].contains(file.pathExtension.lowercased())
            documents.append(
                DocumentFile(url: file, info: info, format: isHTML ? .html : .text, manifestListsDate: entry?.dateGiven ?? false))
        }
        // A manifest entry without its file is a mistake in the manifest (a misspelt id, a file left behind), not a
        // document to skip quietly: the run stops before any work, naming the entry.
        if let entries = manifest?.documents, let manifestURL {
            for (i, entry) in entries.enumerated() where !ids.contains(entry.id) {
                let names = documentExtensions.sorted().map { "\(entry.id).\($0)" }.joined(separator: ", ")
                throw CorpusError("\(manifestURL.path): documents[\(i)] (id \"\(entry.id)\") has no file in the folder (looked for \(names))")
            }
        }
        return Corpus(directory: directory, files: documents, manifest: manifest, skipped: skipped)
    }

    /// Why `bytes` cannot be a text document, or nil.
    public static func problem(with bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return "empty" }
        if bytes.prefix(8192).contains(0) { return "binary (contains NUL bytes)" }
        if String(validating: bytes, as: UTF8.self) == nil { return "not valid UTF-8" }
        return nil
    }

    /// The folder's manifest and its file, or nils when it has none.
    static func readManifest(in directory: URL) throws -> (CorpusManifest?, URL?) {
        for name in manifestNames {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let text: String
            do { text = try String(contentsOf: url, encoding: .utf8) } catch {
                throw CorpusError("\(url.path): cannot be read as UTF-8 text")
            }
            do {
                if name.hasSuffix(".json") {
                    return (try JSONDecoder().decode(CorpusManifest.self, from: Data(text.utf8)), url)
                }
                return (try YAMLDecoder().decode(CorpusManifest.self, from: text), url)
            } catch let error as DecodingError {
                throw CorpusError("\(url.path): \(describe(error))")
            } catch {
                throw CorpusError("\(url.path): \(error)")
            }
        }
        return (nil, nil)
    }

    /// "field documents[2].date: expected a date as YYYY…" rather than Foundation's debug dump.
    public static func describe(_ error: DecodingError) -> String {
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
