/// The queue Dijkstra's algorithm settles nodes from, in ``DijkstraWorkspace``: nodes keyed by tentative distance,
/// handed out in batches whose members all have their final distance and none of which can be a shortest-path
/// predecessor of another in the same batch (one node per batch for a heap, one distance band for buckets).
///
/// `state[v]` is shared with the relaxation loop: -1 for a node not queued yet, -2 once settled, ≥ 0 while queued
/// (the queue's own index for it). Every queued node is settled before the queue is empty, so resetting the states
/// of the nodes a run settled resets the queue.
protocol SettlingQueue {
    var state: UnsafeMutablePointer<Int32> { get }
    /// Prepares for a run from a source at distance 0 (the previous run left the queue empty).
    mutating func start()
    /// Queues `node` at `distance` (state -1), or moves it after its distance decreased (state ≥ 0).
    mutating func place(_ node: Int32, at distance: Double)
    /// Settles the next batch: appends its nodes to `order` from index `count`, marks them settled, and returns the
    /// new count (equal to `count` when the queue is empty).
    mutating func settle(into order: UnsafeMutablePointer<Int32>, count: Int) -> Int
    /// Releases the buffers (the owner calls it once).
    func deallocate()
}
