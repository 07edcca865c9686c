import Foundation
import Testing

/// The web page in a real browser: `Tests/browser/check_page.py` drives headless Chromium through the DevTools
/// protocol against `relgraph serve` on the seeds (CI installs chromium and websocket-client; elsewhere the test
/// is skipped).
@Suite("web page in Chromium")
struct WebPageTests {
    static let script = TestSupport.packageRoot.appendingPathComponent("Tests/browser/check_page.py")

    /// Whether the machine has what the check needs.
    static let available: Bool = {
        let hasChromium = ["chromium", "chromium-browser", "google-chrome"].contains { name in
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
            }
        }
        return hasChromium && (try? PythonNetworkX.run("import websocket; print('ok')")) == "ok" && TestSupport.relgraphBinary != nil
    }()

    @Test("load the page, change era, click an entity, open the permalink: a diagram, evidence, no console error", .enabled(if: available))
    func pageInChromium() async throws {
        let screenshot = FileManager.default.temporaryDirectory.appendingPathComponent("relgraph-page-\(UUID().uuidString).png")
        let check = try await TestSupport.runProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Self.script.path, TestSupport.relgraphBinary!.path, TestSupport.seeds.path, screenshot.path])
        #expect(check.status == 0, "\(check.err)")
        let png = try Data(contentsOf: screenshot)
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47] && png.count > 20_000)
    }
}
