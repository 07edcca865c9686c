import Foundation
import RelGraphCore

extension CorpusReader {
    /// The document files named by `paths`: every document of a folder (as ``read(directory:)``), or a single file.
    /// A single file takes its title, date and source from a `corpus.yaml` beside it, if there is one. A second
    /// file with an id already seen is set aside, as in a folder.
    ///
    /// ```swift
    /// let corpus = try CorpusReader.read(paths: [URL(fileURLWithPath: "seeds"), URL(fileURLWithPath: "new/a.txt")])
    /// ```
    /// `manifests` pairs each manifest found with its folder (its `knowledge:` paths are relative to it).
    public static func read(paths: [URL]) throws -> (files: [DocumentFile], manifests: [(folder: URL, manifest: CorpusManifest)], skipped: [DocumentSkip]) {
        var files: [DocumentFile] = []
        var manifests: [(folder: URL, manifest: CorpusManifest)] = []
        var skipped: [DocumentSkip] = []
        var ids = Set<String>()
        var manifestsByFolder: [String: CorpusManifest?] = [:]
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                throw CorpusError("\(path.path): no such file or folder")
            }
            var found: [DocumentFile]
            if isDirectory.boolValue {
                let corpus = try read(directory: path)
                if let manifest = corpus.manifest { manifests.append((path, manifest)) }
                skipped += corpus.skipped
                found = corpus.files
            } else {
                let ext = path.pathExtension.lowercased()
                guard documentExtensions.contains(ext) else {
                    skipped.append(DocumentSkip(file: path.path, reason: "not a document (.txt, .md, .html or .htm)"))
                    continue
                }
                let folder = path.deletingLastPathComponent()
                if manifestsByFolder[folder.path] == nil {
                    let manifest = try readManifest(in: folder).0
                    manifestsByFolder[folder.path] = .some(manifest)
                    if let manifest { manifests.append((folder, manifest)) }
                }
                let id = path.deletingPathExtension().lastPathComponent
                let entry = (manifestsByFolder[folder.path] ?? nil)?.documents?.first { $0.id == id }
                found = [
                    DocumentFile(
                        url: path, info: DocumentInfo(id: id, title: entry?.title, date: entry?.date, source: entry?.source),
                        format: ["html", "htm"].contains(ext) ? .html : .text, manifestListsDate: entry?.dateGiven ?? false)
                ]
            }
            for file in found {
                guard ids.insert(file.info.id).inserted else {
                    skipped.append(DocumentSkip(file: file.url.path, reason: "another file has the same id \"\(file.info.id)\""))
                    continue
                }
                files.append(file)
            }
        }
        return (files, manifests, skipped)
    }
}
