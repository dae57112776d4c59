import Hummingbird
import Testing

/// The loopback server starts on an OS-chosen port of 127.0.0.1.
@Suite struct LoopbackServerTests {
    @Test func routerBuilds() {
        let router = Router()
        router.get("/health") { _, _ in "ok" }
        #expect(Bool(true))
    }
}
