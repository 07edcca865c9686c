import Foundation
import Synchronization

/// Renders in parallel by running Graphviz in worker processes (`relgraph render-worker`), each with its own
/// ``GraphvizContext`` — Graphviz's process-wide state rules out threads.
///
/// A request is a line `<format> <engine|-> <length>` and that many bytes of DOT; the answer a line
/// `ok <length>` and the rendered bytes, or `error <length>` and Graphviz's message. Workers live as long as the
/// pool and end when it is released (their input closes).
///
/// ```swift
/// let pool = try RenderWorkerPool(executable: URL(fileURLWithPath: "/proc/self/exe"), count: 2)
/// let svg = try pool.render(dot: text, format: .svg, engine: "nop2")   // from any thread
/// ```
public final class RenderWorkerPool: Sendable {
    final class Worker: Sendable {
        let process: Process
        let input: FileHandle
        let output: FileHandle

        init(executable: URL, arguments: [String]) throws {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            let toWorker = Pipe()
            let fromWorker = Pipe()
            process.standardInput = toWorker
            process.standardOutput = fromWorker
            try process.run()
            self.process = process
            input = toWorker.fileHandleForWriting
            output = fromWorker.fileHandleForReading
        }

        func render(dot: String, format: RenderFormat, engine: String?) throws -> Data {
            let body = Data(dot.utf8)
            try input.write(contentsOf: Data("\(format.rawValue) \(engine ?? "-") \(body.count)\n".utf8) + body)
            let header = try RenderWorkerPool.readLine(output).split(separator: " ")
            guard header.count == 2, let length = Int(header[1]) else {
                throw GraphvizError("render worker: unexpected answer \"\(header.joined(separator: " "))\"")
            }
            let data = try RenderWorkerPool.read(output, count: length)
            if header[0] == "ok" { return data }
            throw GraphvizError(String(decoding: data, as: UTF8.self))
        }

        deinit {
            try? input.close()
            process.waitUntilExit()
        }
    }

    private let idle: Mutex<[Worker]>
    private let available: DispatchSemaphore
    /// The workers' process ids (to watch their memory, for instance).
    public let processIdentifiers: [Int32]

    /// Starts `count` workers: `executable` run with `arguments` must serve the protocol (relgraph's hidden
    /// `render-worker` command does).
    public init(executable: URL, arguments: [String] = ["render-worker"], count: Int) throws {
        let workers = try (0..<max(1, count)).map { _ in try Worker(executable: executable, arguments: arguments) }
        idle = Mutex(workers)
        available = DispatchSemaphore(value: workers.count)
        processIdentifiers = workers.map(\.process.processIdentifier)
    }

    /// Lays out and renders `dot` in the next free worker (waiting for one if all are busy).
    public func render(dot: String, format: RenderFormat, engine: String?) throws -> Data {
        available.wait()
        let worker = idle.withLock { $0.removeLast() }
        defer {
            idle.withLock { $0.append(worker) }
            available.signal()
        }
        return try worker.render(dot: dot, format: format, engine: engine)
    }

    /// Serves requests on standard input until it closes: the body of `relgraph render-worker`.
    public static func serve(context: GraphvizContext) throws {
        let input = FileHandle.standardInput
        let output = FileHandle.standardOutput
        while true {
            let line: String
            do { line = try readLine(input) } catch { return }  // input closed: the pool is gone
            let header = line.split(separator: " ")
            guard header.count == 3, let format = RenderFormat(rawValue: String(header[0])), let length = Int(header[2]) else {
                throw GraphvizError("render worker: bad request \"\(line)\"")
            }
            let dot = String(decoding: try read(input, count: length), as: UTF8.self)
            let engine = header[1] == "-" ? nil : String(header[1])
            do {
                let data = try context.render(dot: dot, format: format, engine: engine)
                try output.write(contentsOf: Data("ok \(data.count)\n".utf8) + data)
            } catch {
                let message = Data("\(error)".utf8)
                try output.write(contentsOf: Data("error \(message.count)\n".utf8) + message)
            }
        }
    }

    /// One line (without its line break); throws at the end of input.
    static func readLine(_ handle: FileHandle) throws -> String {
        var bytes: [UInt8] = []
        while true {
            guard let byte = try handle.read(upToCount: 1), let b = byte.first else {
                throw GraphvizError("render worker: input closed")
            }
            if b == 0x0A { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(b)
        }
    }

    /// Exactly `count` bytes.
    static func read(_ handle: FileHandle, count: Int) throws -> Data {
        var data = Data()
        data.reserveCapacity(count)
        while data.count < count {
            guard let chunk = try handle.read(upToCount: count - data.count), !chunk.isEmpty else {
                throw GraphvizError("render worker: input closed after \(data.count) of \(count) bytes")
            }
            data.append(chunk)
        }
        return data
    }
}
