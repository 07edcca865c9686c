#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output that could not be written: the path (or `standard output`) and the system's reason.
public struct OutputWriteError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): cannot be written (\(reason))" }
}

/// Streams an output file and puts it in place atomically: the bytes go to a temporary file beside it, renamed
/// over `path` only when all were written, so a reader never sees half a file.
///
/// ```swift
/// try OutputFile.write(to: "graphs/centrality.csv") { sink in CentralityCSVWriter.write(table, graph: graph, to: &sink) }
/// ```
public enum OutputFile {
    public static func write(to path: String, _ body: (inout ByteSink) throws -> Void) throws {
        let temporary = path + ".partial-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputWriteError(path: path, reason: String(cString: strerror(errno))) }
        var sink = ByteSink(descriptor: descriptor)
        do {
            try body(&sink)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        let failure = sink.finish()
        let closed = close(descriptor) == 0 ? nil : String(cString: strerror(errno))
        if let reason = failure ?? closed {
            unlink(temporary)
            throw OutputWriteError(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OutputWriteError(path: path, reason: reason)
        }
    }

    /// Streams to standard output (after anything `print` has buffered).
    public static func writeStandardOutput(_ body: (inout ByteSink) throws -> Void) throws {
        fflush(nil)  // every C stream, standard output among them
        var sink = ByteSink(descriptor: STDOUT_FILENO)
        try body(&sink)
        if let reason = sink.finish() { throw OutputWriteError(path: "standard output", reason: reason) }
    }
}
