/// Tones summed as whole millionths, so that an edge's mean tone is the same number however its sentences were
/// added up: in one pass by a batch build, or one document at a time by a database that keeps running sums
/// (integer addition does not depend on order, floating-point addition does).
///
/// ```swift
/// let sum = ToneUnits.of(-2.5) + ToneUnits.of(4)  // 1_500_000
/// ToneUnits.mean(of: sum, count: 2)               // 0.75
/// ```
public enum ToneUnits {
    /// Units per tone point.
    public static let scale: Double = 1_000_000

    /// `tone` in whole millionths, rounded half away from zero.
    public static func of(_ tone: Double) -> Int64 {
        Int64((tone * scale).rounded())
    }

    /// The mean tone of `count` sentences whose tones add up to `sum` units.
    public static func mean(of sum: Int64, count: Int) -> Double {
        count == 0 ? 0 : Double(sum) / scale / Double(count)
    }
}
