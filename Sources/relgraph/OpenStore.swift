import RelGraphKnowledge
import RelGraphStore

/// Opens the store `--db` names, runs `body` with it and closes it, whether `body` succeeds or throws.
func withStore<T>(
    _ db: String, knowledge: KnowledgeBase, _ body: (any GraphStore) async throws -> T
) async throws -> T {
    let store = try await StoreLocation(db).open(knowledge: knowledge)
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}
